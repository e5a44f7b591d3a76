package io.deadlinesaga.contract.rules;

import org.junit.jupiter.api.Test;

import static io.deadlinesaga.contract.EventName.EXCHANGE_COMPENSATED;
import static io.deadlinesaga.contract.EventName.ORDER_REJECTED;
import static io.deadlinesaga.contract.EventName.POINT_USED;
import static io.deadlinesaga.contract.EventName.POINT_USE_COMPENSATED;
import static io.deadlinesaga.contract.rules.ASaga.COMPENSATION_TIME;
import static io.deadlinesaga.contract.rules.ASaga.CREATED;
import static io.deadlinesaga.contract.rules.ASaga.deduction;
import static io.deadlinesaga.contract.rules.ASaga.refund;
import static org.assertj.core.api.Assertions.assertThat;

/** I3: REJECTED ⇒ once the chain has run, no exchange in effect, points deducted less refunded 0, one refund at most. */
class RejectedAndUndoneTest {

    @Test
    void namesTwoRefundsOnTheTopicOrInTheLedger() {
        // when
        Judgement topic = ASaga.compensated().then(POINT_USE_COMPENSATED, "0").topicOnly().judgedAt(CREATED);
        Judgement ledger = ASaga.compensated().ledger(refund("0"), refund("0")).judgedAtTheEnd();

        // then
        assertThat(topic.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(Rule.MORE_THAN_ONE_REFUND);
            assertThat(finding.invariant()).isEqualTo("I3");
            assertThat(finding.detail()).endsWith("2 PointUseCompensated");
        });
        assertThat(ledger.findings()).extracting(Finding::rule).containsExactly(Rule.MORE_THAN_ONE_REFUND);
    }

    @Test
    void namesRejectedPointsNotAllRefundedOnTheTopic() {
        // given
        ASaga saga = ASaga.created().then(POINT_USED, "5").then(ORDER_REJECTED).then(POINT_USE_COMPENSATED, "0")
                .topicOnly();

        // when
        Judgement judgement = saga.judgedAt(CREATED);

        // then
        assertThat(judgement.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(Rule.POINTS_NOT_RESTORED);
            assertThat(finding.detail()).endsWith("5 points still deducted");
        });
    }

    @Test
    void namesRejectedPointsNotAllRefundedInTheLedger() {
        // given
        ASaga saga = ASaga.compensated().ledger(deduction("120"), refund("0"));

        // when
        Judgement judgement = saga.judgedAtTheEnd();

        // then
        assertThat(judgement.findings()).extracting(Finding::rule).containsExactly(Rule.POINTS_NOT_RESTORED);
        assertThat(judgement.findings().get(0).detail()).endsWith("deducted 120 and refunded 0 points in the ledger");
    }

    @Test
    void doesNotJudgeRefundsBeforeTheChainHasRunOrWithoutTheirPoints() {
        // given: a deduction the chain has not reached yet; then refunds whose points the reader does not know
        ASaga running = ASaga.rejected().ledger(deduction("120"));
        ASaga unknownPoints = ASaga.created().then(POINT_USED).then(ORDER_REJECTED).then(POINT_USE_COMPENSATED)
                .topicOnly();

        // when
        Judgement whileRunning = running.judgedAt(CREATED + 1_000);
        Judgement withoutPoints = unknownPoints.judgedAt(CREATED + 1_000);

        // then
        assertThat(whileRunning.findings()).isEmpty();
        assertThat(whileRunning.verdict()).isEqualTo(Verdict.IN_PROGRESS);
        assertThat(withoutPoints.findings()).isEmpty();
    }

    @Test
    void namesAnExchangeStillInEffectAfterTheChainHasRun() {
        // given
        ASaga saga = ASaga.compensated().exchange(ServiceFacts.EXCHANGED);

        // when
        Judgement judgement = saga.judgedAtTheEnd();

        // then
        assertThat(judgement.findings()).extracting(Finding::rule).containsExactly(Rule.EXCHANGE_STILL_IN_EFFECT);
    }

    @Test
    void namesARejectionWhoseChainTakesTooLongOnTheTopic() {
        // given
        ASaga saga = ASaga.rejected().then(EXCHANGE_COMPENSATED).topicOnly();
        long rejectedAt = saga.facts().events().get(3).time();

        // when
        Judgement inTime = saga.judgedAt(rejectedAt + COMPENSATION_TIME.toMillis());
        Judgement late = saga.judgedAt(rejectedAt + COMPENSATION_TIME.toMillis() + 1);

        // then
        assertThat(inTime.verdict()).isEqualTo(Verdict.IN_PROGRESS);
        assertThat(inTime.recheckAt()).hasValue(rejectedAt + COMPENSATION_TIME.toMillis() + 1);
        assertThat(late.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(Rule.REJECTION_NOT_COMPENSATED);
            assertThat(finding.detail()).endsWith("rejected 30001 ms ago");
        });
        assertThat(late.recheckAt()).isEmpty();
    }

    @Test
    void namesARejectionTheOrderServiceHasNotSeenCompensatedAtTheEnd() {
        // given: its chain ran on the topic, but order never took PointUseCompensated
        ASaga saga = ASaga.compensated().compensation(ServiceFacts.PENDING);

        // when
        Judgement judgement = saga.judgedAtTheEnd();

        // then
        assertThat(judgement.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(Rule.REJECTION_NOT_COMPENSATED);
            assertThat(finding.detail()).endsWith("not compensated at the end");
        });
    }
}
