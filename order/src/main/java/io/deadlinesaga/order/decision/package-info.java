/** Deciding orders: the reactions to what the other services report, with the order as the only arbiter. */
package io.deadlinesaga.order.decision;
