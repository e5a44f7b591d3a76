package io.deadlinesaga.contract.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

import io.deadlinesaga.contract.EventName;

import static io.deadlinesaga.contract.EventName.EXCHANGE_COMPENSATED;
import static io.deadlinesaga.contract.EventName.EXCHANGE_SUCCEED;
import static io.deadlinesaga.contract.EventName.ORDER_CREATED;
import static io.deadlinesaga.contract.EventName.ORDER_PLACED;
import static io.deadlinesaga.contract.EventName.ORDER_REJECTED;
import static io.deadlinesaga.contract.EventName.POINT_USED;
import static io.deadlinesaga.contract.EventName.POINT_USE_COMPENSATED;

/**
 * Judges one order by DESIGN §5's invariants from the facts its user has. The topic's facts are judged as they
 * stand at {@code now}: two rules turn with the clock (an undecided order past its deadline and grace, a rejection
 * not compensated in time) and say when they would break. The services' facts are judged as final: they say what
 * each service holds once the order's events have reached it, so a user asks them when the order looks settled
 * and judges again any finding that is not {@linkplain Rule#lasting() lasting}. A rule broken in several facts is
 * found once, in the services' answers before the topic's; a rule whose facts are missing does not judge.
 */
public final class SagaRules {

    /** Judging at the end: every timeout has run out, so whatever was to happen has happened. */
    public static final long AT_THE_END = Long.MAX_VALUE;

    /** I1: an order is decided within its deadline plus this, as the arbiter recorded it. */
    public static final long DECISION_LIMIT_MS = 1_000;

    private static final List<EventName> STEPS_OF_AN_APPROVAL = List.of(ORDER_CREATED, EXCHANGE_SUCCEED, POINT_USED,
            ORDER_PLACED);
    private static final List<EventName> STEPS_OF_A_REJECTION = List.of(ORDER_CREATED, ORDER_REJECTED);
    private static final List<EventName> STEPS_OF_A_COMPENSATION = List.of(EXCHANGE_COMPENSATED, POINT_USE_COMPENSATED);

    private final Timeouts timeouts;

    public SagaRules(Timeouts timeouts) {
        this.timeouts = timeouts;
    }

    /** The verdict on one order, as of {@code now} (epoch ms, or {@link #AT_THE_END}). */
    public Judgement judge(SagaFacts facts, long now) {
        Judging judging = new Judging(facts, now);
        decidedOnce(judging);
        approvedInFull(judging);
        rejectedAndUndone(judging);
        decidedInTime(judging);
        nothingLost(judging);
        return judging.judgement();
    }

    /** I5: one decision, never changed. */
    private static void decidedOnce(Judging judging) {
        Topic topic = judging.topic;
        long placed = topic.count(ORDER_PLACED);
        long rejected = topic.count(ORDER_REJECTED);
        if (placed > 0 && rejected > 0) {
            judging.found(Rule.APPROVED_AND_REJECTED, placed + " OrderPlaced and " + rejected + " OrderRejected");
        }
        else if (placed > 1 || rejected > 1) {
            judging.found(Rule.DECIDED_TWICE, Math.max(placed, rejected) + " decisions");
        }
        judging.order.ifPresent(order -> {
            Set<String> decisions = new LinkedHashSet<>(judging.services().decisionsSeen());
            if (order.isDecided()) {
                decisions.add(order.status());
            }
            if (decisions.size() > 1) {
                judging.found(Rule.DECISION_CHANGED, "seen " + String.join(", later ", decisions));
            }
        });
    }

    /** I2: an approved order has its exchange in effect and exactly one deduction of its points, and no compensation. */
    private static void approvedInFull(Judging judging) {
        Topic topic = judging.topic;
        judging.order.filter(ServiceFacts.Order::isApproved).ifPresent(order -> {
            ServiceFacts services = judging.services();
            int refunds = services.count(ServiceFacts.REFUND);
            if (refunds > 0) {
                judging.found(Rule.APPROVED_WITH_COMPENSATION, "refunded " + refunds + " time(s)");
            }
            ServiceFacts.Exchange exchange = services.exchange();
            if (exchange == null) {
                judging.found(Rule.EXCHANGE_NOT_IN_EFFECT, "exchange has no exchange for it");
            }
            else if (!exchange.inEffect()) {
                judging.found(Rule.EXCHANGE_NOT_IN_EFFECT, "its exchange is " + exchange.state());
            }
            int deductions = services.count(ServiceFacts.DEDUCTION);
            BigDecimal deducted = services.sum(ServiceFacts.DEDUCTION);
            if (deductions == 0) {
                judging.found(Rule.APPROVED_WITHOUT_ITS_DEDUCTION, "no deduction in the ledger");
            }
            else if (deductions == 1 && exchange != null && deducted.compareTo(exchange.point()) != 0) {
                judging.found(Rule.APPROVED_WITHOUT_ITS_DEDUCTION, "deducted " + plain(deducted)
                        + " points, but the exchange was worth " + plain(exchange.point()));
            }
        });
        long compensations = topic.count(EXCHANGE_COMPENSATED) + topic.count(POINT_USE_COMPENSATED);
        if (topic.count(ORDER_PLACED) > 0 && compensations > 0) {
            judging.found(Rule.APPROVED_WITH_COMPENSATION, compensations + " compensation events");
        }
        int deductions = judging.services.map(services -> services.count(ServiceFacts.DEDUCTION)).orElse(0);
        if (deductions > 1) {
            judging.found(Rule.MORE_THAN_ONE_DEDUCTION, deductions + " deductions in the ledger");
        }
        if (topic.count(POINT_USED) > 1) {
            judging.found(Rule.MORE_THAN_ONE_DEDUCTION, topic.count(POINT_USED) + " PointUsed");
        }
    }

    /** I3: a rejected order, once its chain has run, has no exchange in effect and its points back, refunded once. */
    private void rejectedAndUndone(Judging judging) {
        Topic topic = judging.topic;
        int refunds = judging.services.map(services -> services.count(ServiceFacts.REFUND)).orElse(0);
        if (refunds > 1) {
            judging.found(Rule.MORE_THAN_ONE_REFUND, refunds + " refunds in the ledger");
        }
        if (topic.count(POINT_USE_COMPENSATED) > 1) {
            judging.found(Rule.MORE_THAN_ONE_REFUND, topic.count(POINT_USE_COMPENSATED) + " PointUseCompensated");
        }
        // the ledger and the exchange are judged once order has seen the chain run to its end
        judging.order.filter(ServiceFacts.Order::isCompensated).ifPresent(order -> {
            ServiceFacts services = judging.services();
            BigDecimal deducted = services.sum(ServiceFacts.DEDUCTION);
            BigDecimal refunded = services.sum(ServiceFacts.REFUND);
            if (deducted.compareTo(refunded) != 0) {
                judging.found(Rule.POINTS_NOT_RESTORED, "deducted " + plain(deducted) + " and refunded "
                        + plain(refunded) + " points in the ledger");
            }
            if (services.exchange() != null && services.exchange().inEffect()) {
                judging.found(Rule.EXCHANGE_STILL_IN_EFFECT, "its exchange is " + services.exchange().state());
            }
        });
        topic.pointsStillDeducted().ifPresent(net -> judging.found(Rule.POINTS_NOT_RESTORED,
                net.toPlainString() + " points still deducted"));
        OptionalLong rejectedAt = OptionalLong.empty();
        if (judging.order.isPresent()) {
            ServiceFacts.Order order = judging.order.get();
            if (order.isRejected() && !order.isCompensated() && order.decidedAt() != null) {
                rejectedAt = OptionalLong.of(order.decidedAt());
            }
        }
        else if (topic.count(ORDER_REJECTED) > 0 && topic.count(POINT_USE_COMPENSATED) == 0) {
            rejectedAt = OptionalLong.of(topic.first(ORDER_REJECTED).orElseThrow().time());
        }
        rejectedAt.ifPresent(at -> judging.byTheClock(Rule.REJECTION_NOT_COMPENSATED,
                at + timeouts.compensationTimeout().toMillis(),
                () -> judging.atTheEnd() ? "not compensated at the end" : "rejected " + (judging.now - at) + " ms ago"));
    }

    /** I1: decided within its deadline and 1 s. */
    private void decidedInTime(Judging judging) {
        Topic topic = judging.topic;
        OptionalLong undecidedDeadline = OptionalLong.empty();
        if (judging.order.isPresent()) {
            ServiceFacts.Order order = judging.order.get();
            if (!order.isDecided()) {
                undecidedDeadline = OptionalLong.of(order.deadline());
            }
            else if (order.decidedAt() != null && order.decidedAt() - order.deadline() > DECISION_LIMIT_MS) {
                judging.found(Rule.DECIDED_LATE, "decided " + (order.decidedAt() - order.deadline())
                        + " ms after its deadline (at most " + DECISION_LIMIT_MS + " ms)");
            }
        }
        else if (!topic.hasDecision() && topic.first(ORDER_CREATED).isPresent()) {
            undecidedDeadline = OptionalLong.of(topic.first(ORDER_CREATED).orElseThrow().deadline());
        }
        undecidedDeadline.ifPresent(deadline -> judging.byTheClock(Rule.UNDECIDED_PAST_DEADLINE,
                deadline + timeouts.decisionGrace().toMillis(), () -> judging.atTheEnd()
                        ? "still undecided at the end, its deadline was " + deadline + " (epoch ms)"
                        : (judging.now - deadline) + " ms past the deadline"));
    }

    /** I6: every step of a decided order on the topic and seen by the deadline service; nothing dead-lettered. */
    private static void nothingLost(Judging judging) {
        judging.facts.deadLetters().forEach(letter -> judging.found(Rule.DEAD_LETTERED,
                letter.eventType() + ": " + letter.error()));
        judging.services.filter(services -> services.order() == null).ifPresent(services -> judging.found(
                Rule.ORDER_LOST, "order " + judging.facts.orderId() + " is not there"));
        judging.order.filter(ServiceFacts.Order::isDecided).ifPresent(order -> {
            List<EventName> steps = new ArrayList<>(order.isApproved() ? STEPS_OF_AN_APPROVAL : STEPS_OF_A_REJECTION);
            if (order.isCompensated()) {
                steps.addAll(STEPS_OF_A_COMPENSATION);
            }
            List<String> missing = steps.stream().filter(step -> judging.topic.count(step) == 0)
                    .map(EventName::wireName).toList();
            if (!missing.isEmpty()) {
                judging.found(Rule.EVENTS_MISSING, order.status().toLowerCase(Locale.ROOT) + ", but not on the topic: "
                        + String.join(", ", missing));
            }
            String deadline = judging.services().deadlineState();
            if (ServiceFacts.NONE.equals(deadline)) {
                judging.found(Rule.DEADLINE_NOT_SETTLED, "deadline has no deadline for it (OrderCreated not processed)");
            }
            else if (ServiceFacts.PENDING.equals(deadline)) {
                judging.found(Rule.DEADLINE_NOT_SETTLED, "decided, but its deadline is still PENDING");
            }
        });
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** One judgement under way: the facts, the findings so far, and the earliest moment the clock may change it. */
    private static final class Judging {

        final SagaFacts facts;
        final Topic topic;
        final Optional<ServiceFacts> services;
        /** the order as order holds it; empty when the services were not asked or order does not know it */
        final Optional<ServiceFacts.Order> order;
        final long now;
        final List<Finding> findings = new ArrayList<>();
        long recheckAt = Long.MAX_VALUE;

        Judging(SagaFacts facts, long now) {
            this.facts = facts;
            this.topic = new Topic(facts.events());
            this.services = facts.services();
            this.order = services.map(ServiceFacts::order);
            this.now = now;
        }

        ServiceFacts services() {
            return services.orElseThrow();
        }

        boolean atTheEnd() {
            return now == AT_THE_END;
        }

        /** A broken rule; a rule already found in other facts is not found again (each dead letter is its own). */
        void found(Rule rule, String seen) {
            if (rule == Rule.DEAD_LETTERED || findings.stream().noneMatch(finding -> finding.rule() == rule)) {
                findings.add(Finding.of(rule, seen));
            }
        }

        /** A rule the clock breaks at {@code due}: found if that has passed, else a moment to judge again. */
        void byTheClock(Rule rule, long due, Supplier<String> seen) {
            if (now > due) {
                found(rule, seen.get());
            }
            else {
                recheckAt = Math.min(recheckAt, due + 1);
            }
        }

        Judgement judgement() {
            OptionalLong recheck = recheckAt == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(recheckAt);
            if (!findings.isEmpty()) {
                return new Judgement(Verdict.VIOLATION, findings, recheck);
            }
            boolean settledOnTheTopic = topic.count(ORDER_PLACED) > 0
                    || topic.count(ORDER_REJECTED) > 0 && topic.count(POINT_USE_COMPENSATED) > 0;
            boolean settledAtTheServices = services.isEmpty()
                    || order.filter(decided -> decided.isApproved() || decided.isCompensated()).isPresent();
            return new Judgement(settledOnTheTopic && settledAtTheServices ? Verdict.CONSISTENT : Verdict.IN_PROGRESS,
                    List.of(), recheck);
        }
    }

    /** The order's events on the topic, each once per eventId. */
    private static final class Topic {

        private final List<TopicEvent> events = new ArrayList<>();

        Topic(List<TopicEvent> all) {
            Set<String> seen = new HashSet<>();
            for (TopicEvent event : all) {
                if (event.eventId() == null || event.eventId().isEmpty() || seen.add(event.eventId())) {
                    events.add(event);
                }
            }
        }

        long count(EventName type) {
            return events.stream().filter(event -> event.is(type)).count();
        }

        Optional<TopicEvent> first(EventName type) {
            return events.stream().filter(event -> event.is(type)).findFirst();
        }

        boolean hasDecision() {
            return count(ORDER_PLACED) + count(ORDER_REJECTED) > 0;
        }

        /**
         * Of a rejected order whose chain has reached its end, the points deducted less the points refunded;
         * empty while that is not so, when nothing is missing, or when a PointUsed's or a refund's points are unknown.
         */
        Optional<BigDecimal> pointsStillDeducted() {
            if (count(ORDER_REJECTED) == 0 || count(POINT_USE_COMPENSATED) == 0) {
                return Optional.empty();
            }
            List<TopicEvent> moves = events.stream().filter(event -> event.is(POINT_USED) || event.is(POINT_USE_COMPENSATED))
                    .toList();
            if (moves.stream().anyMatch(move -> move.points() == null)) {
                return Optional.empty();
            }
            BigDecimal net = moves.stream().map(move -> move.is(POINT_USED) ? move.points() : move.points().negate())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return net.signum() == 0 ? Optional.empty() : Optional.of(net);
        }
    }
}
