package io.deadlinesaga.sagaview.audit;

/**
 * A broken rule, with what the auditor saw.
 *
 * @param rule the rule
 * @param invariant the invariant of DESIGN §5 it belongs to
 * @param detail what exactly was seen
 */
public record Finding(Rule rule, String invariant, String detail) {

    static Finding of(Rule rule, String detail) {
        return new Finding(rule, rule.invariant(), rule.meaning() + ": " + detail);
    }
}
