package io.deadlinesaga.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.deadlinesaga.contract.EventName;
import io.deadlinesaga.contract.rules.Finding;
import io.deadlinesaga.contract.rules.Judgement;
import io.deadlinesaga.contract.rules.Rule;
import io.deadlinesaga.contract.rules.SagaFacts;
import io.deadlinesaga.contract.rules.SagaRules;
import io.deadlinesaga.contract.rules.ServiceFacts;
import io.deadlinesaga.contract.rules.Timeouts;
import io.deadlinesaga.contract.rules.TopicEvent;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The invariants of DESIGN §5 for one settled order, by the contract's rules, over what every service answers
 * and what the topic holds; and the saga view's verdict, from the events alone.
 */
final class Invariants {

    private static final SagaRules RULES = new SagaRules(Timeouts.DEFAULT);
    /** how long the topic and the other services may take to catch up with a settled order */
    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    private final SagaClient saga;
    private final TopicObserver topic;

    Invariants(SagaSystem system) {
        this.saga = system.client();
        this.topic = system.topic();
    }

    /** Every rule holds for a settled order (decided, and compensated if rejected), and the view agrees. */
    void assertConsistent(long orderId) {
        assertConsistent(orderId, List.of());
    }

    /**
     * As {@link #assertConsistent(long)}, but for an order decided while the deadline service was down: I1 holds
     * only while it is up, so a decision later than the deadline and 1 s is not a finding.
     */
    void assertConsistentDecidedWhileTheDeadlineServiceWasDown(long orderId) {
        assertConsistent(orderId, List.of(Rule.DECIDED_LATE));
    }

    private void assertConsistent(long orderId, List<Rule> tolerated) {
        await().atMost(CATCH_UP).untilAsserted(() -> {
            Judgement judgement = RULES.judge(factsOf(orderId), SagaRules.AT_THE_END);
            List<Finding> findings = judgement.findings().stream()
                    .filter(finding -> !tolerated.contains(finding.rule())).toList();
            // judged at the end, a saga is CONSISTENT or has findings: a step still to come is one of them
            assertThat(findings).as("what breaks the rules for order %d", orderId).isEmpty();
        });
        // DESIGN §4 rule 2, beside the invariants: a deadline fires once at most
        assertThat(topic.typesOf(orderId).stream().filter(EventName.DEADLINE_REACHED.wireName()::equals))
                .as("DeadlineReached of order %d", orderId).hasSizeLessThanOrEqualTo(1);
        // the saga view's auditor, from the events alone, agrees
        await().atMost(CATCH_UP).untilAsserted(() -> assertThat(
                saga.http().get("/sagas/" + orderId).body().path("verdict").asString("")).as("verdict of %d", orderId)
                .isEqualTo("CONSISTENT"));
    }

    /** What the topic holds for the order and what every service answers about it. */
    private SagaFacts factsOf(long orderId) {
        List<TopicEvent> events = new ArrayList<>();
        for (TopicObserver.Seen seen : topic.eventsOf(orderId)) {
            JsonNode value = seen.value();
            EventName.ofWireName(seen.type()).map(type -> TopicEvent.fromWire(type, value.path("eventId").asString(""),
                    value.path("timestamp").asLong(0), field -> text(value.path(field)))).ifPresent(events::add);
        }
        return SagaFacts.ofTopic(orderId, events, List.of()).withServices(new ServiceFacts(order(orderId),
                exchange(orderId), ledger(orderId), deadlineState(orderId)));
    }

    private static String text(JsonNode field) {
        return field.isMissingNode() || field.isNull() ? null : field.asString();
    }

    private ServiceFacts.Order order(long orderId) {
        JsonNode order = answer("/orders/" + orderId);
        if (order == null) {
            return null;
        }
        JsonNode compensation = order.path("compensation");
        JsonNode decidedAt = order.path("decidedAt");
        return new ServiceFacts.Order(order.path("status").asString(),
                compensation.isString() ? compensation.asString() : null, order.path("deadline").asLong(),
                decidedAt.isNumber() ? decidedAt.asLong() : null);
    }

    private ServiceFacts.Exchange exchange(long orderId) {
        JsonNode exchange = answer("/exchanges/" + orderId);
        return exchange == null ? null
                : new ServiceFacts.Exchange(exchange.path("state").asString(), exchange.path("point").decimalValue());
    }

    private List<ServiceFacts.LedgerLine> ledger(long orderId) {
        List<ServiceFacts.LedgerLine> lines = new ArrayList<>();
        for (JsonNode entry : answer("/transactions?orderId=" + orderId)) {
            lines.add(new ServiceFacts.LedgerLine(entry.path("type").asString(), entry.path("point").decimalValue()));
        }
        return lines;
    }

    /** The deadline's state; null when the deadline service does not answer (a test may have stopped it). */
    private String deadlineState(long orderId) {
        Http.Response deadline = saga.http().get("/deadlines/" + orderId);
        return switch (deadline.status()) {
            case 200 -> deadline.body().path("state").asString();
            case 404 -> ServiceFacts.NONE;
            default -> null;
        };
    }

    /** The body of a 200, null for a 404; any other answer fails this look, to be taken again. */
    private JsonNode answer(String path) {
        Http.Response response = saga.http().get(path);
        if (response.status() == 404) {
            return null;
        }
        assertThat(response.status()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }
}
