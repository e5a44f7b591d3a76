package io.deadlinesaga.contract.rules;

import org.junit.jupiter.api.Test;

import static io.deadlinesaga.contract.EventName.EXCHANGE_SUCCEED;
import static io.deadlinesaga.contract.rules.ASaga.CREATED;
import static io.deadlinesaga.contract.rules.ASaga.DEADLINE;
import static io.deadlinesaga.contract.rules.ASaga.GRACE;
import static org.assertj.core.api.Assertions.assertThat;

/** I1: every order reaches APPROVED or REJECTED within deadline + 1 s. */
class DecidedInTimeTest {

    @Test
    void namesAnOrderUndecidedOnTheTopicPastItsDeadlineAndGrace() {
        // given
        ASaga saga = ASaga.created().then(EXCHANGE_SUCCEED).topicOnly();

        // when
        Judgement inTime = saga.judgedAt(DEADLINE + GRACE.toMillis());
        Judgement late = saga.judgedAt(DEADLINE + GRACE.toMillis() + 1);

        // then
        assertThat(inTime.verdict()).isEqualTo(Verdict.IN_PROGRESS);
        assertThat(inTime.recheckAt()).hasValue(DEADLINE + GRACE.toMillis() + 1);
        assertThat(late.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(Rule.UNDECIDED_PAST_DEADLINE);
            assertThat(finding.invariant()).isEqualTo("I1");
            assertThat(finding.detail()).endsWith("5001 ms past the deadline");
        });
        assertThat(late.recheckAt()).isEmpty();
    }

    @Test
    void namesAnOrderTheOrderServiceStillHoldsPendingAtTheEnd() {
        // given
        ASaga saga = ASaga.created().deadline("FIRED");

        // when
        Judgement judgement = saga.judgedAtTheEnd();

        // then
        assertThat(judgement.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(Rule.UNDECIDED_PAST_DEADLINE);
            assertThat(finding.detail()).endsWith("still undecided at the end, its deadline was " + DEADLINE + " (epoch ms)");
        });
    }

    @Test
    void saysNothingButWhenToJudgeAgainOfAnOrderUndecidedInTime() {
        // given
        ASaga saga = ASaga.created();

        // when
        Judgement judgement = saga.judgedAt(CREATED + 1_000);

        // then
        assertThat(judgement.verdict()).isEqualTo(Verdict.IN_PROGRESS);
        assertThat(judgement.recheckAt()).hasValue(DEADLINE + GRACE.toMillis() + 1);
    }

    @Test
    void acceptsADecisionWithinOneSecondAfterTheDeadline() {
        // given
        ASaga saga = ASaga.approved().decidedAt(DEADLINE + 1_000);

        // when
        Judgement judgement = saga.judgedAtTheEnd();

        // then
        assertThat(judgement.findings()).isEmpty();
    }

    @Test
    void namesADecisionLaterThanOneSecondAfterTheDeadline() {
        // given
        ASaga saga = ASaga.approved().decidedAt(DEADLINE + 1_001);

        // when
        Judgement judgement = saga.judgedAtTheEnd();

        // then
        assertThat(judgement.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(Rule.DECIDED_LATE);
            assertThat(finding.rule().lasting()).isTrue();
            assertThat(finding.detail()).endsWith("decided 1001 ms after its deadline (at most 1000 ms)");
        });
    }

    @Test
    void saysOnlyANewFactCanChangeASettledOrViolatedSaga() {
        // given
        ASaga approved = ASaga.approved().topicOnly();
        ASaga forgotten = ASaga.created().topicOnly();

        // when
        Judgement settled = approved.judgedAt(DEADLINE + 60_000);
        Judgement violated = forgotten.judgedAt(DEADLINE + 60_000);

        // then
        assertThat(settled.recheckAt()).isEmpty();
        assertThat(violated.recheckAt()).isEmpty();
    }
}
