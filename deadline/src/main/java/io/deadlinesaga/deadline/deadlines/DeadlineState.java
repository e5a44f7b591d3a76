package io.deadlinesaga.deadline.deadlines;

/** PENDING until the order is decided (CANCELLED) or the due time passes first (FIRED). */
public enum DeadlineState {
    PENDING, FIRED, CANCELLED
}
