package io.deadlinesaga.point.accounts;

/**
 * Published, inside the transaction that opened it, when a holder's account is opened: what waited for it
 * is made due in that same transaction.
 */
public record AccountOpened(PointAccount account) {
}
