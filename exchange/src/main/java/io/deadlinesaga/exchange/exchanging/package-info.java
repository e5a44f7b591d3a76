/** Exchanging an order's amount into points, and undoing it: at most one exchange per order, undone at most once. */
package io.deadlinesaga.exchange.exchanging;
