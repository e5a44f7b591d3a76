package io.deadlinesaga.sagaview.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.deadlinesaga.sagaview.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class AuditorTest {

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
        Audit audit = auditor.audit(saga.events, CREATED + 1_000);

        // then
        assertThat(audit.verdict()).isEqualTo(Verdict.CONSISTENT);
        assertThat(audit.violations()).isEmpty();
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
        Audit audit = auditor.audit(saga.events, CREATED + 1_000);

        // then
        assertThat(audit.verdict()).isEqualTo(Verdict.VIOLATION);
        assertThat(audit.violations()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(Rule.DEAD_LETTERED);
            assertThat(finding.detail()).contains("ExchangeCompensated: could not refund");
        });
    }

    @Test
    void findsARejectedOrderConsistentOnlyOnceItsChainHasRun() {
        // given
        Saga saga = new Saga().add("OrderCreated", "deadline", DEADLINE).add("ExchangeSucceed", "point", 500)
                .add("PointUseFailed").add("OrderRejected").add("ExchangeCompensated", "point", 500);

        // when / then
        assertThat(auditor.audit(saga.events, CREATED + 1_000).verdict()).isEqualTo(Verdict.IN_PROGRESS);
        saga.add("PointUseCompensated", "refunded", 0);
        assertThat(auditor.audit(saga.events, CREATED + 1_000).verdict()).isEqualTo(Verdict.CONSISTENT);
    }

    @Test
    void findsALateDeductionThatWasRefundedConsistent() {
        // given: fault 500
        Saga saga = new Saga().add("OrderCreated", "deadline", DEADLINE).add("ExchangeSucceed", "point", 300)
                .add("DeadlineReached").add("OrderRejected").add("ExchangeCompensated", "point", 300)
                .add("PointUsed", "point", 300).add("PointUseCompensated", "refunded", 300);

        // then
        assertThat(auditor.audit(saga.events, DEADLINE + 3_000).verdict()).isEqualTo(Verdict.CONSISTENT);
    }

    @Test
    void namesAnOrderApprovedAndRejected() {
        // given
        Saga saga = new Saga().add("OrderCreated", "deadline", DEADLINE).add("OrderRejected").add("OrderPlaced");

        // then
        assertThat(rules(auditor.audit(saga.events, CREATED))).contains(Rule.APPROVED_AND_REJECTED);
    }

    @Test
    void namesAnOrderDecidedTwice() {
        // given
        Saga saga = new Saga().add("OrderCreated", "deadline", DEADLINE).add("OrderPlaced").add("OrderPlaced");

        // then
        assertThat(rules(auditor.audit(saga.events, CREATED))).containsExactly(Rule.DECIDED_TWICE);
    }

    @Test
    void namesAnApprovedOrderWithACompensation() {
        // given
        Saga saga = new Saga().add("OrderCreated", "deadline", DEADLINE).add("PointUsed", "point", 5)
                .add("OrderPlaced").add("ExchangeCompensated", "point", 5);

        // then
        assertThat(rules(auditor.audit(saga.events, CREATED))).containsExactly(Rule.APPROVED_WITH_COMPENSATION);
    }

    @Test
    void namesTwoDeductionsAndTwoRefunds() {
        // given
        Saga saga = new Saga().add("OrderCreated", "deadline", DEADLINE).add("PointUsed", "point", 5)
                .add("PointUsed", "point", 5).add("OrderRejected").add("PointUseCompensated", "refunded", 5)
                .add("PointUseCompensated", "refunded", 5);

        // then
        assertThat(rules(auditor.audit(saga.events, CREATED)))
                .contains(Rule.MORE_THAN_ONE_DEDUCTION, Rule.MORE_THAN_ONE_REFUND);
    }

    @Test
    void namesRejectedPointsThatWereNotAllRefunded() {
        // given
        Saga saga = new Saga().add("OrderCreated", "deadline", DEADLINE).add("PointUsed", "point", 5)
                .add("OrderRejected").add("PointUseCompensated", "refunded", 0);

        // then
        assertThat(rules(auditor.audit(saga.events, CREATED))).containsExactly(Rule.POINTS_NOT_RESTORED);
    }

    @Test
    void namesARejectionWhoseChainTakesTooLong() {
        // given
        Saga saga = new Saga().add("OrderCreated", "deadline", DEADLINE).add("OrderRejected");
        long rejectedAt = saga.events.get(1).time();

        // then
        assertThat(auditor.audit(saga.events, rejectedAt + 29_000).verdict()).isEqualTo(Verdict.IN_PROGRESS);
        assertThat(rules(auditor.audit(saga.events, rejectedAt + 31_000)))
                .containsExactly(Rule.REJECTION_NOT_COMPENSATED);
    }

    @Test
    void namesAnOrderUndecidedPastItsDeadlineAndGrace() {
        // given
        Saga saga = new Saga().add("OrderCreated", "deadline", DEADLINE);

        // then
        assertThat(auditor.audit(saga.events, DEADLINE + 4_000).verdict()).isEqualTo(Verdict.IN_PROGRESS);
        Audit late = auditor.audit(saga.events, DEADLINE + 6_000);
        assertThat(rules(late)).containsExactly(Rule.UNDECIDED_PAST_DEADLINE);
        assertThat(late.violations().get(0).invariant()).isEqualTo("I1");
    }

    @Test
    void saysAnUndecidedOrderMayTurnIntoAViolationOnceItsDeadlineAndGraceHavePassed() {
        // given
        Saga saga = new Saga().add("OrderCreated", "deadline", DEADLINE).add("ExchangeSucceed", "point", 500);

        // when
        Audit audit = auditor.audit(saga.events, CREATED + 1_000);

        // then
        assertThat(audit.verdict()).isEqualTo(Verdict.IN_PROGRESS);
        assertThat(audit.recheckAt()).hasValue(DEADLINE + 5_000 + 1);
        assertThat(auditor.audit(saga.events, DEADLINE + 5_000 + 1).verdict()).isEqualTo(Verdict.VIOLATION);
    }

    @Test
    void saysARejectionMayTurnIntoAViolationOnceItsCompensationTimeHasPassed() {
        // given
        Saga saga = new Saga().add("OrderCreated", "deadline", DEADLINE).add("OrderRejected");
        long rejectedAt = saga.events.get(1).time();

        // when
        Audit audit = auditor.audit(saga.events, rejectedAt + 1_000);

        // then
        assertThat(audit.recheckAt()).hasValue(rejectedAt + 30_000 + 1);
    }

    @Test
    void saysOnlyANewEventCanChangeASettledOrViolatedSaga() {
        // given
        Saga approved = new Saga().add("OrderCreated", "deadline", DEADLINE).add("PointUsed", "point", 5)
                .add("OrderPlaced");
        Saga forgotten = new Saga().add("OrderCreated", "deadline", DEADLINE);

        // then
        assertThat(auditor.audit(approved.events, DEADLINE + 60_000).recheckAt()).isEmpty();
        assertThat(auditor.audit(forgotten.events, DEADLINE + 60_000).recheckAt()).isEmpty();
    }

    @Test
    void countsAnEventSentTwiceWithOneEventIdOnce() {
        // given: a relay that sent PointUsed again after a crash
        Saga saga = new Saga().add("OrderCreated", "deadline", DEADLINE).add("PointUsed", "point", 5);
        saga.repeatLast();
        saga.add("OrderPlaced");

        // then
        assertThat(auditor.audit(saga.events, CREATED).verdict()).isEqualTo(Verdict.CONSISTENT);
    }

    private static List<Rule> rules(Audit audit) {
        assertThat(audit.verdict()).isEqualTo(Verdict.VIOLATION);
        return audit.violations().stream().map(Finding::rule).toList();
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

        private Saga add(String type, ObjectNode fields) {
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
