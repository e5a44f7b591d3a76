package io.deadlinesaga.contract.rules;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** I4: a balance is never negative, and equals its starting points less the points of its approved orders. */
class BalanceTest {

    private static final BigDecimal OPENING = new BigDecimal("1000");

    @Test
    void acceptsABalanceOfOpeningPointsLessApprovedOrders() {
        // given
        AccountFacts account = new AccountFacts("u1", OPENING, new BigDecimal("760.0000"), new BigDecimal("240"), 2);

        // when
        List<Finding> findings = AccountRules.judge(account);

        // then
        assertThat(findings).isEmpty();
    }

    @Test
    void namesABalanceThatDoesNotAddUp() {
        // given
        AccountFacts account = new AccountFacts("u1", OPENING, new BigDecimal("760"), new BigDecimal("120"), 1);

        // when
        List<Finding> findings = AccountRules.judge(account);

        // then
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(Rule.BALANCE_WRONG);
            assertThat(finding.invariant()).isEqualTo("I4");
            assertThat(finding.detail()).endsWith("the balance is 760, expected 880 = 1000 opening points - 120 points"
                    + " of 1 approved orders");
        });
    }

    @Test
    void namesANegativeBalance() {
        // given
        AccountFacts account = new AccountFacts("u1", BigDecimal.ZERO, new BigDecimal("-1"), BigDecimal.ONE, 1);

        // when
        List<Finding> findings = AccountRules.judge(account);

        // then
        assertThat(findings).extracting(Finding::rule).containsExactly(Rule.BALANCE_NEGATIVE);
    }

    @Test
    void namesAMissingAccount() {
        // given
        AccountFacts account = new AccountFacts("u2", OPENING, null, BigDecimal.ZERO, 0);

        // when
        List<Finding> findings = AccountRules.judge(account);

        // then
        assertThat(findings).extracting(Finding::rule).containsExactly(Rule.ACCOUNT_MISSING);
        assertThat(findings.get(0).detail()).endsWith("point has no account u2");
    }
}
