package io.deadlinesaga.order.placing;

import java.math.BigDecimal;

/**
 * An order as clients see it.
 *
 * @param detail why the order was rejected, in words
 * @param compensation for a rejected order, PENDING until every step done for it has been undone, then COMPLETED
 */
public record OrderView(long id, String holderId, long currencyId, BigDecimal amount, OrderStatus status,
        RejectionReason reason, String detail, long deadline, long createdAt, Long decidedAt, String compensation) {

    static OrderView of(Order order) {
        String compensation = order.getStatus() != OrderStatus.REJECTED ? null
                : order.getCompensatedAt() == null ? "PENDING" : "COMPLETED";
        return new OrderView(order.getId(), order.getHolderId(), order.getCurrencyId(), order.getAmount(),
                order.getStatus(), order.getReason(), order.getDetail(), order.getDeadline(), order.getCreatedAt(), order.getDecidedAt(),
                compensation);
    }
}
