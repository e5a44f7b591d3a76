package io.deadlinesaga.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.deadlinesaga.contract.EventName;
import io.deadlinesaga.contract.rules.ServiceFacts;

import static io.deadlinesaga.contract.EventName.EXCHANGE_COMPENSATED;
import static io.deadlinesaga.contract.EventName.EXCHANGE_SUCCEED;
import static io.deadlinesaga.contract.EventName.ORDER_CREATED;
import static io.deadlinesaga.contract.EventName.ORDER_PLACED;
import static io.deadlinesaga.contract.EventName.ORDER_REJECTED;
import static io.deadlinesaga.contract.EventName.POINT_USED;
import static io.deadlinesaga.contract.EventName.POINT_USE_COMPENSATED;
import static io.deadlinesaga.contract.EventName.POINT_USE_FAILED;

/** Hand-made facts of one order, consistent unless a test changes one thing: {@code AnOrder.approved().…build()}. */
final class AnOrder {

    static final long CREATED = 1_700_000_000_000L;
    static final long DEADLINE = CREATED + 10_000;

    private final long id;
    private OrderKind kind;
    private String holderId = "u1";
    private String status;
    private String reason;
    private String compensation;
    private Long decidedAt = CREATED + 40;
    private ServiceFacts.Exchange exchange;
    private List<ServiceFacts.LedgerLine> ledger = new ArrayList<>();
    private String deadline = "CANCELLED";
    private EventName[] events;
    private List<String> decisionsSeen = List.of();
    private boolean lost;
    private String shownHolderId;
    private List<String> unreadable = List.of();

    private AnOrder(long id) {
        this.id = id;
    }

    /** An ordinary order, approved: exchanged 120 points, deducted once. */
    static AnOrder approved(long id) {
        AnOrder order = new AnOrder(id);
        order.kind = OrderKind.ORDINARY;
        order.status = Outcome.APPROVED;
        order.exchange = new ServiceFacts.Exchange("EXCHANGED", new BigDecimal("120"));
        order.ledger.add(deduction("120"));
        order.events = new EventName[] {ORDER_CREATED, EXCHANGE_SUCCEED, POINT_USED, ORDER_PLACED};
        return order;
    }

    /** An order over the limit, rejected by point: exchanged, undone, nothing deducted, a refund of 0. */
    static AnOrder rejectedOverLimit(long id) {
        AnOrder order = new AnOrder(id);
        order.kind = OrderKind.OVER_LIMIT;
        order.status = Outcome.REJECTED;
        order.reason = "POINT_LIMIT";
        order.compensation = ServiceFacts.COMPLETED;
        order.exchange = new ServiceFacts.Exchange("COMPENSATED", new BigDecimal("2000000"));
        order.ledger.add(refund("0"));
        order.events = new EventName[] {ORDER_CREATED, EXCHANGE_SUCCEED, POINT_USE_FAILED, ORDER_REJECTED,
                EXCHANGE_COMPENSATED, POINT_USE_COMPENSATED};
        return order;
    }

    static ServiceFacts.LedgerLine deduction(String points) {
        return new ServiceFacts.LedgerLine(ServiceFacts.DEDUCTION, new BigDecimal(points));
    }

    static ServiceFacts.LedgerLine refund(String points) {
        return new ServiceFacts.LedgerLine(ServiceFacts.REFUND, new BigDecimal(points));
    }

    AnOrder kind(OrderKind kind) {
        this.kind = kind;
        return this;
    }

    AnOrder holder(String holderId) {
        this.holderId = holderId;
        return this;
    }

    AnOrder rejectedBy(String reason) {
        this.status = Outcome.REJECTED;
        this.reason = reason;
        this.compensation = ServiceFacts.COMPLETED;
        return this;
    }

    AnOrder pending() {
        this.status = ServiceFacts.PENDING;
        this.decidedAt = null;
        return this;
    }

    AnOrder compensation(String compensation) {
        this.compensation = compensation;
        return this;
    }

    AnOrder decidedAfter(long ms) {
        this.decidedAt = CREATED + ms;
        return this;
    }

    AnOrder decidedAfterDeadline(long ms) {
        this.decidedAt = DEADLINE + ms;
        return this;
    }

    AnOrder exchange(String state, String points) {
        this.exchange = new ServiceFacts.Exchange(state, new BigDecimal(points));
        return this;
    }

    AnOrder noExchange() {
        this.exchange = null;
        return this;
    }

    AnOrder ledger(ServiceFacts.LedgerLine... lines) {
        this.ledger = List.of(lines);
        return this;
    }

    AnOrder deadline(String state) {
        this.deadline = state;
        return this;
    }

    AnOrder events(EventName... names) {
        this.events = names;
        return this;
    }

    /** The driver polled these decisions, in this order. */
    AnOrder decisionsSeen(String... decisions) {
        this.decisionsSeen = List.of(decisions);
        return this;
    }

    /** GET /orders/{id} answers 404. */
    AnOrder lost() {
        this.lost = true;
        return this;
    }

    /** GET /orders/{id} shows an order of another holder under this id. */
    AnOrder shownAsAnotherHolders(String otherHolderId) {
        this.shownHolderId = otherHolderId;
        return this;
    }

    /** A service kept failing to answer about it. */
    AnOrder unreadable(String why) {
        this.unreadable = List.of(why);
        return this;
    }

    OrderFacts build() {
        BigDecimal amount = new BigDecimal("120");
        OrderState state = lost ? null : new OrderState(id, shownHolderId != null ? shownHolderId : holderId,
                new BigDecimal("120.00"), status, reason, null, compensation, CREATED, decidedAt, DEADLINE);
        return new OrderFacts(id, kind, holderId, amount, state, exchange, ledger, deadline, EventTally.of(events), decisionsSeen,
                unreadable);
    }
}
