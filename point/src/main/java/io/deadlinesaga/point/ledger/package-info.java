/** The point ledger: deducting for an order and refunding it, each at most once per order. */
package io.deadlinesaga.point.ledger;
