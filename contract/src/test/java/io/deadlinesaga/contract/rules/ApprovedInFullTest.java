package io.deadlinesaga.contract.rules;

import org.junit.jupiter.api.Test;

import static io.deadlinesaga.contract.EventName.EXCHANGE_COMPENSATED;
import static io.deadlinesaga.contract.EventName.POINT_USED;
import static io.deadlinesaga.contract.rules.ASaga.CREATED;
import static io.deadlinesaga.contract.rules.ASaga.deduction;
import static io.deadlinesaga.contract.rules.ASaga.refund;
import static org.assertj.core.api.Assertions.assertThat;

/** I2: APPROVED ⇒ exactly one exchange in effect and exactly one deduction of its points; no compensation. */
class ApprovedInFullTest {

    @Test
    void namesAnApprovedOrderWithACompensationOnTheTopic() {
        // given
        ASaga saga = ASaga.approved().then(EXCHANGE_COMPENSATED).topicOnly();

        // when
        Judgement judgement = saga.judgedAt(CREATED);

        // then
        assertThat(judgement.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(Rule.APPROVED_WITH_COMPENSATION);
            assertThat(finding.invariant()).isEqualTo("I2");
            assertThat(finding.detail()).endsWith("1 compensation events");
        });
    }

    @Test
    void namesAnApprovedOrderRefundedInTheLedger() {
        // given
        ASaga saga = ASaga.approved().ledger(deduction("120"), refund("120"));

        // when
        Judgement judgement = saga.judgedAtTheEnd();

        // then
        assertThat(judgement.findings()).extracting(Finding::rule).containsExactly(Rule.APPROVED_WITH_COMPENSATION);
        assertThat(judgement.findings().get(0).detail()).endsWith("refunded 1 time(s)");
    }

    @Test
    void namesAnApprovedOrderWhoseExchangeIsUndoneOrMissing() {
        // when
        Judgement undone = ASaga.approved().exchange("COMPENSATED").judgedAtTheEnd();
        Judgement missing = ASaga.approved().noExchange().judgedAtTheEnd();

        // then
        assertThat(undone.findings()).extracting(Finding::rule).containsExactly(Rule.EXCHANGE_NOT_IN_EFFECT);
        assertThat(undone.findings().get(0).detail()).endsWith("its exchange is COMPENSATED");
        assertThat(missing.findings()).extracting(Finding::rule).containsExactly(Rule.EXCHANGE_NOT_IN_EFFECT);
    }

    @Test
    void namesAnApprovedOrderWithoutADeductionOrDeductedOtherThanExchanged() {
        // when
        Judgement none = ASaga.approved().ledger().judgedAtTheEnd();
        Judgement other = ASaga.approved().ledger(deduction("100")).judgedAtTheEnd();

        // then
        assertThat(none.findings()).extracting(Finding::rule).containsExactly(Rule.APPROVED_WITHOUT_ITS_DEDUCTION);
        assertThat(other.findings()).extracting(Finding::rule).containsExactly(Rule.APPROVED_WITHOUT_ITS_DEDUCTION);
        assertThat(other.findings().get(0).detail()).endsWith("deducted 100 points, but the exchange was worth 120");
    }

    @Test
    void namesTwoDeductionsOnTheTopicOrInTheLedger() {
        // when
        Judgement topic = ASaga.approved().then(POINT_USED, "120").topicOnly().judgedAt(CREATED);
        Judgement ledger = ASaga.approved().ledger(deduction("120"), deduction("120")).judgedAtTheEnd();

        // then
        assertThat(topic.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(Rule.MORE_THAN_ONE_DEDUCTION);
            assertThat(finding.invariant()).isEqualTo("I2");
            assertThat(finding.detail()).endsWith("2 PointUsed");
        });
        assertThat(ledger.findings()).extracting(Finding::rule).containsExactly(Rule.MORE_THAN_ONE_DEDUCTION);
        assertThat(ledger.findings().get(0).detail()).endsWith("2 deductions in the ledger");
    }

    @Test
    void findsARuleBrokenOnTheTopicAndInTheLedgerOnce() {
        // given
        ASaga saga = ASaga.approved().then(POINT_USED, "120").ledger(deduction("120"), deduction("120"));

        // when
        Judgement judgement = saga.judgedAtTheEnd();

        // then
        assertThat(judgement.findings()).extracting(Finding::rule).containsExactly(Rule.MORE_THAN_ONE_DEDUCTION);
    }
}
