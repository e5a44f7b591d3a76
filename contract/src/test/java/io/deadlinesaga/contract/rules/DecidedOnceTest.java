package io.deadlinesaga.contract.rules;

import org.junit.jupiter.api.Test;

import static io.deadlinesaga.contract.EventName.ORDER_PLACED;
import static io.deadlinesaga.contract.EventName.ORDER_REJECTED;
import static io.deadlinesaga.contract.rules.ASaga.CREATED;
import static org.assertj.core.api.Assertions.assertThat;

/** I5: an order's status never changes after its decision. */
class DecidedOnceTest {

    @Test
    void namesAnOrderApprovedAndRejectedOnTheTopic() {
        // given
        ASaga saga = ASaga.created().then(ORDER_REJECTED).then(ORDER_PLACED).topicOnly();

        // when
        Judgement judgement = saga.judgedAt(CREATED);

        // then
        assertThat(judgement.verdict()).isEqualTo(Verdict.VIOLATION);
        assertThat(judgement.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(Rule.APPROVED_AND_REJECTED);
            assertThat(finding.invariant()).isEqualTo("I5");
            assertThat(finding.detail()).isEqualTo("the order was both approved and rejected: 1 OrderPlaced and 1 OrderRejected");
        });
    }

    @Test
    void namesAnOrderDecidedTwiceOnTheTopic() {
        // given
        ASaga saga = ASaga.approved().then(ORDER_PLACED).topicOnly();

        // when
        Judgement judgement = saga.judgedAt(CREATED);

        // then
        assertThat(judgement.findings()).extracting(Finding::rule).containsExactly(Rule.DECIDED_TWICE);
    }

    @Test
    void namesADecisionSeenToChangeAtTheOrderService() {
        // given
        ASaga saga = ASaga.approved().decisionsSeen(ServiceFacts.REJECTED);

        // when
        Judgement judgement = saga.judgedAtTheEnd();

        // then
        assertThat(judgement.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(Rule.DECISION_CHANGED);
            assertThat(finding.detail()).endsWith("seen REJECTED, later APPROVED");
        });
    }

    @Test
    void acceptsTheSameDecisionSeenAgain() {
        // given
        ASaga saga = ASaga.approved().decisionsSeen(ServiceFacts.APPROVED);

        // when
        Judgement judgement = saga.judgedAtTheEnd();

        // then
        assertThat(judgement.findings()).isEmpty();
    }
}
