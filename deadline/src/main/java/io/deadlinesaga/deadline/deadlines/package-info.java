/** Deadlines: registered on OrderCreated, cancelled by the decision, fired once at the due time otherwise. */
package io.deadlinesaga.deadline.deadlines;
