package io.deadlinesaga.contract.rules;

import org.junit.jupiter.api.Test;

import static io.deadlinesaga.contract.EventName.ORDER_PLACED;
import static io.deadlinesaga.contract.EventName.POINT_USED;
import static io.deadlinesaga.contract.EventName.POINT_USE_COMPENSATED;
import static io.deadlinesaga.contract.rules.ASaga.CREATED;
import static org.assertj.core.api.Assertions.assertThat;

class VerdictTest {

    @Test
    void findsAnApprovedOrderConsistentFromTheTopicAndFromEveryService() {
        // when
        Judgement topic = ASaga.approved().topicOnly().judgedAt(CREATED + 1_000);
        Judgement everything = ASaga.approved().judgedAtTheEnd();

        // then
        assertThat(topic.verdict()).isEqualTo(Verdict.CONSISTENT);
        assertThat(everything.verdict()).isEqualTo(Verdict.CONSISTENT);
        assertThat(everything.findings()).isEmpty();
    }

    @Test
    void findsARejectedOrderConsistentOnlyOnceItsChainHasRun() {
        // when
        Judgement running = ASaga.rejected().topicOnly().judgedAt(CREATED + 1_000);
        Judgement done = ASaga.compensated().topicOnly().judgedAt(CREATED + 1_000);

        // then
        assertThat(running.verdict()).isEqualTo(Verdict.IN_PROGRESS);
        assertThat(done.verdict()).isEqualTo(Verdict.CONSISTENT);
    }

    @Test
    void findsALateDeductionThatWasRefundedConsistent() {
        // when
        Judgement judgement = ASaga.compensatedAfterALateDeduction().judgedAtTheEnd();

        // then
        assertThat(judgement.findings()).isEmpty();
        assertThat(judgement.verdict()).isEqualTo(Verdict.CONSISTENT);
    }

    @Test
    void judgesTheServicesAnswersAsFinalWithFindingsThatMayClear() {
        // given: order has approved, but the other services and the topic have not caught up yet
        SagaFacts facts = ASaga.created().then(POINT_USED, "120").status(ServiceFacts.APPROVED).decidedAt(CREATED + 40)
                .facts();

        // when
        Judgement judgement = ASaga.RULES.judge(facts, CREATED + 100);

        // then
        assertThat(judgement.verdict()).isEqualTo(Verdict.VIOLATION);
        assertThat(judgement.findings()).allSatisfy(finding -> assertThat(finding.rule().lasting()).isFalse());
    }

    @Test
    void keepsASagaInProgressWhileTheServicesHaveNotCaughtUpWithTheTopic() {
        // given: PointUseCompensated is on the topic, order has not taken it yet
        SagaFacts facts = ASaga.compensated().compensation(ServiceFacts.PENDING).facts();

        // when
        Judgement judgement = ASaga.RULES.judge(facts, CREATED + 1_000);

        // then
        assertThat(judgement.verdict()).isEqualTo(Verdict.IN_PROGRESS);
        assertThat(judgement.recheckAt()).isPresent();
    }

    @Test
    void countsAnEventSentTwiceWithOneEventIdOnce() {
        // given: a relay that sent PointUsed again after a crash
        SagaFacts facts = ASaga.created().then(POINT_USED, "5").repeatLast().then(ORDER_PLACED).topicOnly().facts();

        // when
        Judgement judgement = ASaga.RULES.judge(facts, CREATED);

        // then
        assertThat(judgement.verdict()).isEqualTo(Verdict.CONSISTENT);
    }

    @Test
    void countsEventsWithoutAnEventIdEachTime() {
        // given: a reader that has dropped copies already and gives no eventIds
        SagaFacts facts = ASaga.compensated().topicOnly()
                .then(TopicEvent.of(POINT_USE_COMPENSATED, null, CREATED + 900))
                .then(TopicEvent.of(POINT_USE_COMPENSATED, null, CREATED + 1_000)).facts();

        // when
        Judgement judgement = ASaga.RULES.judge(facts, CREATED + 2_000);

        // then
        assertThat(judgement.findings()).extracting(Finding::rule).containsExactly(Rule.MORE_THAN_ONE_REFUND);
    }
}
