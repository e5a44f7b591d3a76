package io.deadlinesaga.contract.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.deadlinesaga.contract.EventName;

import static io.deadlinesaga.contract.EventName.DEADLINE_REACHED;
import static io.deadlinesaga.contract.EventName.EXCHANGE_COMPENSATED;
import static io.deadlinesaga.contract.EventName.EXCHANGE_SUCCEED;
import static io.deadlinesaga.contract.EventName.ORDER_CREATED;
import static io.deadlinesaga.contract.EventName.ORDER_PLACED;
import static io.deadlinesaga.contract.EventName.ORDER_REJECTED;
import static io.deadlinesaga.contract.EventName.POINT_USED;
import static io.deadlinesaga.contract.EventName.POINT_USE_COMPENSATED;
import static io.deadlinesaga.contract.EventName.POINT_USE_FAILED;

/**
 * Hand-made facts of one order, consistent unless a test changes one thing: {@code ASaga.approved().…facts()}.
 * Its events are 100 ms apart on the topic; the services' answers, when asked, agree with them.
 */
final class ASaga {

    static final long CREATED = 1_700_000_000_000L;
    static final long DEADLINE = CREATED + 10_000;
    static final Duration GRACE = Duration.ofSeconds(5);
    static final Duration COMPENSATION_TIME = Duration.ofSeconds(30);
    static final SagaRules RULES = new SagaRules(new Timeouts(GRACE, COMPENSATION_TIME));

    private final List<TopicEvent> events = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private boolean servicesAsked = true;
    private boolean orderLost;
    private String status = ServiceFacts.PENDING;
    private String compensation;
    private Long decidedAt;
    private ServiceFacts.Exchange exchange;
    private List<ServiceFacts.LedgerLine> ledger = new ArrayList<>();
    private String deadlineState = ServiceFacts.PENDING;
    private List<String> decisionsSeen = List.of();

    private ASaga() {
    }

    /** Created, nothing else yet. */
    static ASaga created() {
        return new ASaga().then(TopicEvent.of(ORDER_CREATED, id(), CREATED).withDeadline(DEADLINE));
    }

    /** Approved: exchanged for 120 points, 120 deducted once. */
    static ASaga approved() {
        ASaga saga = created().then(EXCHANGE_SUCCEED).then(POINT_USED, "120").then(ORDER_PLACED);
        saga.status = ServiceFacts.APPROVED;
        saga.decidedAt = CREATED + 40;
        saga.exchange = new ServiceFacts.Exchange(ServiceFacts.EXCHANGED, new BigDecimal("120"));
        saga.ledger.add(deduction("120"));
        saga.deadlineState = "CANCELLED";
        return saga;
    }

    /** Rejected by point over the limit, before its chain ran: exchanged, nothing deducted. */
    static ASaga rejected() {
        ASaga saga = created().then(EXCHANGE_SUCCEED).then(POINT_USE_FAILED).then(ORDER_REJECTED);
        saga.status = ServiceFacts.REJECTED;
        saga.compensation = ServiceFacts.PENDING;
        saga.decidedAt = saga.last().time();
        saga.exchange = new ServiceFacts.Exchange(ServiceFacts.EXCHANGED, new BigDecimal("120"));
        saga.deadlineState = "CANCELLED";
        return saga;
    }

    /** Rejected by point over the limit, and its chain has run: the exchange undone, a refund of 0. */
    static ASaga compensated() {
        return rejected().then(EXCHANGE_COMPENSATED).then(POINT_USE_COMPENSATED, "0").exchange("COMPENSATED")
                .ledger(refund("0")).compensation(ServiceFacts.COMPLETED);
    }

    /** Rejected by the deadline after a late deduction, and its chain has run: 120 deducted, 120 refunded. */
    static ASaga compensatedAfterALateDeduction() {
        ASaga saga = created().then(EXCHANGE_SUCCEED).then(DEADLINE_REACHED).then(ORDER_REJECTED)
                .then(EXCHANGE_COMPENSATED).then(POINT_USED, "120").then(POINT_USE_COMPENSATED, "120");
        saga.status = ServiceFacts.REJECTED;
        saga.compensation = ServiceFacts.COMPLETED;
        saga.decidedAt = DEADLINE + 5;
        saga.exchange = new ServiceFacts.Exchange("COMPENSATED", new BigDecimal("120"));
        saga.ledger.addAll(List.of(deduction("120"), refund("120")));
        saga.deadlineState = "FIRED";
        return saga;
    }

    static ServiceFacts.LedgerLine deduction(String points) {
        return new ServiceFacts.LedgerLine(ServiceFacts.DEDUCTION, new BigDecimal(points));
    }

    static ServiceFacts.LedgerLine refund(String points) {
        return new ServiceFacts.LedgerLine(ServiceFacts.REFUND, new BigDecimal(points));
    }

    /** The next event on the topic, 100 ms after the last. */
    ASaga then(EventName type) {
        return then(TopicEvent.of(type, id(), last().time() + 100));
    }

    /** The next event on the topic, with its points deducted or refunded. */
    ASaga then(EventName type, String points) {
        return then(TopicEvent.of(type, id(), last().time() + 100).withPoints(new BigDecimal(points)));
    }

    ASaga then(TopicEvent event) {
        events.add(event);
        return this;
    }

    /** The last event again, under its own eventId: what a relay sends again after a crash. */
    ASaga repeatLast() {
        return then(last());
    }

    ASaga deadLettered(String eventType, String error) {
        deadLetters.add(new DeadLetter(eventType, error));
        return this;
    }

    /** The topic alone: the services are not asked. */
    ASaga topicOnly() {
        servicesAsked = false;
        return this;
    }

    /** The services are asked; order answers that it has no such order. */
    ASaga orderLost() {
        orderLost = true;
        return this;
    }

    ASaga status(String status) {
        this.status = status;
        return this;
    }

    ASaga compensation(String compensation) {
        this.compensation = compensation;
        return this;
    }

    ASaga decidedAt(long decidedAt) {
        this.decidedAt = decidedAt;
        return this;
    }

    ASaga exchange(String state) {
        this.exchange = new ServiceFacts.Exchange(state, exchange == null ? new BigDecimal("120") : exchange.point());
        return this;
    }

    ASaga noExchange() {
        this.exchange = null;
        return this;
    }

    ASaga ledger(ServiceFacts.LedgerLine... lines) {
        this.ledger = List.of(lines);
        return this;
    }

    ASaga deadline(String state) {
        this.deadlineState = state;
        return this;
    }

    ASaga decisionsSeen(String... decisions) {
        this.decisionsSeen = List.of(decisions);
        return this;
    }

    TopicEvent last() {
        return events.get(events.size() - 1);
    }

    SagaFacts facts() {
        SagaFacts topic = SagaFacts.ofTopic(7, events, deadLetters);
        if (!servicesAsked) {
            return topic;
        }
        ServiceFacts.Order order = orderLost ? null : new ServiceFacts.Order(status, compensation, DEADLINE, decidedAt);
        return topic.withServices(new ServiceFacts(order, exchange, ledger, deadlineState, decisionsSeen));
    }

    Judgement judgedAt(long now) {
        return RULES.judge(facts(), now);
    }

    Judgement judgedAtTheEnd() {
        return judgedAt(SagaRules.AT_THE_END);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
