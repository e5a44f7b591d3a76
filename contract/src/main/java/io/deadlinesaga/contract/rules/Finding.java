package io.deadlinesaga.contract.rules;

/**
 * A broken rule, with what was seen.
 *
 * @param rule the rule
 * @param invariant the invariant of DESIGN §5 it belongs to (I1 … I6)
 * @param detail the rule's meaning and what exactly was seen, for a person
 */
public record Finding(Rule rule, String invariant, String detail) {

    public static Finding of(Rule rule, String seen) {
        return new Finding(rule, rule.invariant(), rule.meaning() + ": " + seen);
    }

    @Override
    public String toString() {
        return invariant + " " + rule + ": " + detail;
    }
}
