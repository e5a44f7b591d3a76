package io.deadlinesaga.exchange.exchanging;

/** Where an order's exchange stands. Only EXCHANGED is "in effect". */
public enum ExchangeState {
    /** the amount was converted and the points are in effect */
    EXCHANGED,
    /** the exchange was undone after the order's rejection */
    COMPENSATED,
    /** the order was rejected before anything was exchanged; a late OrderCreated must do nothing */
    CLOSED
}
