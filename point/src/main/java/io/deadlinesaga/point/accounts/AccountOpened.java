package io.deadlinesaga.point.accounts;

/**
 * Published, inside the transaction that opened it, when a holder's account is opened: what waited for it
 * can now happen in that same transaction (and is looked for once more after the commit).
 */
public record AccountOpened(PointAccount account) {
}
