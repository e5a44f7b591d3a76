package io.deadlinesaga.point.ledger;

/** A ledger line is a deduction for an order, or the refund of it (0 when nothing had been deducted). */
public enum EntryType {
    DEDUCTION, REFUND
}
