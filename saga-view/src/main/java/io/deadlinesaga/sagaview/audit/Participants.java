package io.deadlinesaga.sagaview.audit;

import java.util.List;

import io.deadlinesaga.sagaview.timeline.TimelineEntry;

/**
 * The state each participant has reached, as its events tell it.
 *
 * @param order PENDING, APPROVED, REJECTED, or COMPENSATED (rejected, and the chain has run)
 * @param exchange NONE, EXCHANGED, FAILED, COMPENSATED or NOTHING_TO_UNDO
 * @param point NONE, DEDUCTED, REFUSED, REFUNDED or NOTHING_TO_REFUND
 * @param deadline PENDING, FIRED, or CANCELLED (the order was decided first)
 */
public record Participants(String order, String exchange, String point, String deadline) {

    public static Participants of(List<TimelineEntry> events) {
        String order = "PENDING";
        String exchange = "NONE";
        String point = "NONE";
        String deadline = "PENDING";
        for (TimelineEntry event : events) {
            switch (event.type()) {
                case "OrderPlaced" -> order = "APPROVED";
                case "OrderRejected" -> order = "REJECTED";
                case "ExchangeSucceed" -> exchange = "EXCHANGED";
                case "ExchangeFailed" -> exchange = "FAILED";
                case "ExchangeCompensated" -> exchange = "true".equals(event.text("undone")) ? "COMPENSATED" : "NOTHING_TO_UNDO";
                case "PointUsed" -> point = "DEDUCTED";
                case "PointUseFailed" -> point = "REFUSED";
                case "PointUseCompensated" -> {
                    point = event.decimal("refunded").signum() > 0 ? "REFUNDED" : "NOTHING_TO_REFUND";
                    order = "REJECTED".equals(order) ? "COMPENSATED" : order;
                }
                case "DeadlineReached" -> deadline = "FIRED";
                default -> {
                }
            }
        }
        if ("PENDING".equals(deadline) && !"PENDING".equals(order)) {
            deadline = "CANCELLED";
        }
        return new Participants(order, exchange, point, deadline);
    }
}
