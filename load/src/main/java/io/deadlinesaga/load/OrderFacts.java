package io.deadlinesaga.load;

import java.math.BigDecimal;
import java.util.List;

import io.deadlinesaga.contract.rules.SagaFacts;
import io.deadlinesaga.contract.rules.ServiceFacts;

/**
 * One order as every service and the topic show it at the end of a load: what the invariant checker reads.
 *
 * @param holderId and {@code amount}: what the load asked for
 * @param order {@code GET /orders/{id}}, null if it answered 404
 * @param exchange {@code GET /exchanges/{id}}, null if it answered 404
 * @param ledger {@code GET /transactions?orderId={id}}
 * @param deadlineState the state of {@code GET /deadlines/{id}}, null if it answered 404
 * @param events its events on the topic
 * @param decisionsSeen the decisions the driver polled, in the order first seen (more than one breaks I5)
 * @param unreadable what could not be read (a service that kept failing), so the facts above are incomplete
 */
record OrderFacts(long orderId, OrderKind kind, String holderId, BigDecimal amount, OrderState order,
        ServiceFacts.Exchange exchange, List<ServiceFacts.LedgerLine> ledger, String deadlineState, EventTally events,
        List<String> decisionsSeen, List<String> unreadable) {

    /** Whether the order service shows the order that was placed under this id (and not another one). */
    boolean isTheOrderPlaced() {
        return order == null || holderId.equals(order.holderId()) && order.amount() != null
                && amount.compareTo(order.amount()) == 0;
    }

    boolean isApproved() {
        return order != null && Outcome.APPROVED.equals(order.status());
    }

    String describe() {
        return "order " + orderId + " (" + kind.label() + ")";
    }

    /** What every service answers about the order. */
    ServiceFacts services() {
        return new ServiceFacts(order == null ? null : order.toFacts(), exchange, ledger,
                deadlineState == null ? ServiceFacts.NONE : deadlineState, decisionsSeen);
    }

    /** The facts the contract's rules judge: the topic's events and every service's answer. */
    SagaFacts toSagaFacts() {
        return SagaFacts.ofTopic(orderId, events.events(), List.of()).withServices(services());
    }
}
