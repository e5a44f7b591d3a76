package io.deadlinesaga.sagaview.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.deadlinesaga.contract.rules.Finding;
import io.deadlinesaga.contract.rules.Judgement;
import io.deadlinesaga.contract.rules.Rule;
import io.deadlinesaga.contract.rules.Verdict;
import io.deadlinesaga.sagaview.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The view's timeline as the topic's facts for the contract's rules (the rules themselves are tested there). */
class AuditorTest {

    private static final long ORDER_ID = 7;
    private static final long CREATED = 1_000_000;
    private static final long DEADLINE = CREATED + 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Auditor auditor = new Auditor(new AuditSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(1)));

    @Test
    void findsAnApprovedOrderConsistent() {
        // given
        Saga saga = new Saga().add("OrderCreated", "deadline", DEADLINE).add("ExchangeSucceed", "point", 500)
                .add("PointUsed", "point", 500).add("OrderPlaced");

        // when
        Judgement audit = auditor.audit(ORDER_ID, saga.events, CREATED + 1_000);

        // then
        assertThat(audit.verdict()).isEqualTo(Verdict.CONSISTENT);
        assertThat(audit.findings()).isEmpty();
    }

    @Test
    void namesAnEventThatWentToTheDeadLetterTopic() {
        // given: the order's compensation failed for good at point
        Saga saga = new Saga().add("OrderCreated", "deadline", DEADLINE).add("ExchangeSucceed", "point", 500)
                .add("PointUseFailed").add("OrderRejected").add("ExchangeCompensated", "point", 500);
        ObjectNode letter = JSON.createObjectNode().put("eventType", "ExchangeCompensated")
                .put("error", "could not refund");
        saga.events.add(new TimelineEntry(TimelineEntry.DEAD_LETTERED, "dead letters", 0, 0, CREATED + 2_000, "",
                letter));

        // when
        Judgement audit = auditor.audit(ORDER_ID, saga.events, CREATED + 1_000);

        // then
        assertThat(audit.verdict()).isEqualTo(Verdict.VIOLATION);
        assertThat(audit.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(Rule.DEAD_LETTERED);
            assertThat(finding.detail()).contains("ExchangeCompensated: could not refund");
        });
    }

    @Test
    void readsThePointsDeductedAndRefundedWrittenAsNumbersOrAsNumericStrings() {
        // given
        Saga saga = new Saga().add("OrderCreated", "deadline", DEADLINE).add("OrderRejected");
        saga.add("PointUsed", JSON.createObjectNode().put("point", "5.50"));
        saga.add("PointUseCompensated", "refunded", 5);

        // when
        Judgement audit = auditor.audit(ORDER_ID, saga.events, CREATED);

        // then
        assertThat(audit.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(Rule.POINTS_NOT_RESTORED);
            assertThat(finding.invariant()).isEqualTo("I3");
            assertThat(finding.detail()).endsWith("0.50 points still deducted");
        });
    }

    @Test
    void findsALateDeductionThatWasRefundedConsistent() {
        // given: fault 500
        Saga saga = new Saga().add("OrderCreated", "deadline", DEADLINE).add("ExchangeSucceed", "point", 300)
                .add("DeadlineReached").add("OrderRejected").add("ExchangeCompensated", "point", 300)
                .add("PointUsed", "point", 300).add("PointUseCompensated", "refunded", 300);

        // then
        assertThat(auditor.audit(ORDER_ID, saga.events, DEADLINE + 3_000).verdict()).isEqualTo(Verdict.CONSISTENT);
    }

    @Test
    void saysAnUndecidedOrderMayTurnIntoAViolationOnceItsDeadlineAndGraceHavePassed() {
        // given
        Saga saga = new Saga().add("OrderCreated", "deadline", DEADLINE).add("ExchangeSucceed", "point", 500);

        // when
        Judgement audit = auditor.audit(ORDER_ID, saga.events, CREATED + 1_000);

        // then
        assertThat(audit.verdict()).isEqualTo(Verdict.IN_PROGRESS);
        assertThat(audit.recheckAt()).hasValue(DEADLINE + 5_000 + 1);
        assertThat(rules(auditor.audit(ORDER_ID, saga.events, DEADLINE + 5_000 + 1)))
                .containsExactly(Rule.UNDECIDED_PAST_DEADLINE);
    }

    @Test
    void saysARejectionMayTurnIntoAViolationOnceItsCompensationTimeHasPassed() {
        // given
        Saga saga = new Saga().add("OrderCreated", "deadline", DEADLINE).add("OrderRejected");
        long rejectedAt = saga.events.get(1).time();

        // when
        Judgement audit = auditor.audit(ORDER_ID, saga.events, rejectedAt + 1_000);

        // then
        assertThat(audit.recheckAt()).hasValue(rejectedAt + 30_000 + 1);
        assertThat(rules(auditor.audit(ORDER_ID, saga.events, rejectedAt + 31_000)))
                .containsExactly(Rule.REJECTION_NOT_COMPENSATED);
    }

    @Test
    void countsAnEventSentTwiceWithOneEventIdOnce() {
        // given: a relay that sent PointUsed again after a crash
        Saga saga = new Saga().add("OrderCreated", "deadline", DEADLINE).add("PointUsed", "point", 5);
        saga.repeatLast();
        saga.add("OrderPlaced");

        // then
        assertThat(auditor.audit(ORDER_ID, saga.events, CREATED).verdict()).isEqualTo(Verdict.CONSISTENT);
    }

    @Test
    void leavesOutEventTypesTheContractDoesNotHave() {
        // given
        Saga saga = new Saga().add("OrderCreated", "deadline", DEADLINE).add("PointUsed", "point", 5)
                .add("OrderPlaced").add("OrderPlacedAgain");

        // then
        assertThat(auditor.audit(ORDER_ID, saga.events, CREATED).verdict()).isEqualTo(Verdict.CONSISTENT);
    }

    private static List<Rule> rules(Judgement audit) {
        assertThat(audit.verdict()).isEqualTo(Verdict.VIOLATION);
        return audit.findings().stream().map(Finding::rule).toList();
    }

    /** A tiny builder of timelines: each event one offset and 100 ms after the previous one. */
    private static final class Saga {

        final List<TimelineEntry> events = new ArrayList<>();

        Saga add(String type) {
            return add(type, JSON.createObjectNode());
        }

        Saga add(String type, String field, long value) {
            ObjectNode fields = JSON.createObjectNode();
            fields.put(field, value);
            return add(type, fields);
        }

        Saga add(String type, ObjectNode fields) {
            int offset = events.size();
            events.add(new TimelineEntry(type, "any", 0, offset, CREATED + offset * 100L,
                    UUID.randomUUID().toString(), fields));
            return this;
        }

        void repeatLast() {
            TimelineEntry last = events.get(events.size() - 1);
            events.add(new TimelineEntry(last.type(), last.service(), 0, events.size(), last.time() + 100,
                    last.eventId(), last.fields()));
        }
    }
}
