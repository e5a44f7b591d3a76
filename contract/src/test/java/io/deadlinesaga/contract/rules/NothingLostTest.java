package io.deadlinesaga.contract.rules;

import org.junit.jupiter.api.Test;

import static io.deadlinesaga.contract.EventName.EXCHANGE_COMPENSATED;
import static io.deadlinesaga.contract.EventName.EXCHANGE_SUCCEED;
import static io.deadlinesaga.contract.EventName.ORDER_CREATED;
import static io.deadlinesaga.contract.EventName.ORDER_REJECTED;
import static io.deadlinesaga.contract.EventName.POINT_USED;
import static io.deadlinesaga.contract.rules.ASaga.CREATED;
import static org.assertj.core.api.Assertions.assertThat;

/** I6: no event is lost; every event on the topic is processed or dead-lettered by every service that handles it. */
class NothingLostTest {

    @Test
    void namesAnEventThatWentToTheDeadLetterTopic() {
        // given: the order's compensation failed for good at point
        ASaga saga = ASaga.rejected().then(EXCHANGE_COMPENSATED)
                .deadLettered("ExchangeCompensated", "could not refund").topicOnly();

        // when
        Judgement judgement = saga.judgedAt(CREATED + 1_000);

        // then
        assertThat(judgement.verdict()).isEqualTo(Verdict.VIOLATION);
        assertThat(judgement.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(Rule.DEAD_LETTERED);
            assertThat(finding.invariant()).isEqualTo("I6");
            assertThat(finding.detail()).endsWith("ExchangeCompensated: could not refund");
        });
    }

    @Test
    void namesAnOrderTheOrderServiceDoesNotKnow() {
        // given
        ASaga saga = ASaga.approved().orderLost();

        // when
        Judgement judgement = saga.judgedAtTheEnd();

        // then
        assertThat(judgement.findings()).extracting(Finding::rule).containsExactly(Rule.ORDER_LOST);
        assertThat(judgement.verdict()).isEqualTo(Verdict.VIOLATION);
    }

    @Test
    void namesTheStepsOfADecidedOrderThatAreNotOnTheTopic() {
        // given
        SagaFacts approvedWithoutItsSteps = ASaga.approved().facts();
        SagaFacts withoutPointUsed = new SagaFacts(7, approvedWithoutItsSteps.events().stream()
                .filter(event -> event.type() != POINT_USED).toList(),
                approvedWithoutItsSteps.deadLetters(), approvedWithoutItsSteps.services());
        ASaga compensatedWithoutItsChain = ASaga.created().then(ORDER_REJECTED).status(ServiceFacts.REJECTED)
                .compensation(ServiceFacts.COMPLETED).decidedAt(CREATED + 100).deadline("CANCELLED");

        // when
        Judgement approved = ASaga.RULES.judge(withoutPointUsed, SagaRules.AT_THE_END);
        Judgement compensated = compensatedWithoutItsChain.judgedAtTheEnd();

        // then
        assertThat(approved.findings()).extracting(Finding::rule).containsExactly(Rule.EVENTS_MISSING);
        assertThat(approved.findings().get(0).detail()).endsWith("approved, but not on the topic: PointUsed");
        assertThat(compensated.findings()).extracting(Finding::rule).containsExactly(Rule.EVENTS_MISSING);
        assertThat(compensated.findings().get(0).detail())
                .endsWith("rejected, but not on the topic: ExchangeCompensated, PointUseCompensated");
    }

    @Test
    void namesADecidedOrderWhoseDeadlineIsStillPendingOrNeverRegistered() {
        // when
        Judgement pending = ASaga.approved().deadline(ServiceFacts.PENDING).judgedAtTheEnd();
        Judgement missing = ASaga.approved().deadline(ServiceFacts.NONE).judgedAtTheEnd();

        // then
        assertThat(pending.findings()).extracting(Finding::rule).containsExactly(Rule.DEADLINE_NOT_SETTLED);
        assertThat(pending.findings().get(0).detail()).endsWith("its deadline is still PENDING");
        assertThat(missing.findings()).extracting(Finding::rule).containsExactly(Rule.DEADLINE_NOT_SETTLED);
        assertThat(missing.findings().get(0).detail()).contains("OrderCreated not processed");
    }

    @Test
    void doesNotJudgeTheDeadlineOfAnOrderWhenTheDeadlineServiceDidNotAnswer() {
        // given
        ASaga saga = ASaga.approved().deadline(null);

        // when
        Judgement judgement = saga.judgedAtTheEnd();

        // then
        assertThat(judgement.findings()).isEmpty();
        assertThat(judgement.verdict()).isEqualTo(Verdict.CONSISTENT);
    }

    @Test
    void doesNotAskForTheStepsOfAnUndecidedOrder() {
        // given
        ASaga saga = ASaga.created().then(EXCHANGE_SUCCEED);

        // when
        Judgement judgement = saga.judgedAt(CREATED + 1_000);

        // then
        assertThat(judgement.findings()).isEmpty();
        assertThat(saga.facts().events()).extracting(TopicEvent::type).contains(ORDER_CREATED);
    }
}
