package io.deadlinesaga.contract.rules;

/** The judgement of one saga. */
public enum Verdict {
    /** not decided yet, or rejected and its compensation chain still running, all within time */
    IN_PROGRESS,
    /** decided, and every rule holds: approved with its steps, or rejected and fully compensated */
    CONSISTENT,
    /** a rule of DESIGN §5 is broken */
    VIOLATION
}
