/**
 * The saga's rules, DESIGN §5's invariants I1–I6, written once: facts in, findings out. Each user gives the
 * facts it has ({@link SagaFacts}: what the topic holds for an order, and optionally what the services answer
 * about it; {@link AccountFacts} for balances) and {@link SagaRules} or {@link AccountRules} judge them; a rule
 * whose facts are missing does not judge. Plain Java, no I/O: the saga view, the load driver and the system
 * tests all judge with these.
 */
package io.deadlinesaga.contract.rules;
