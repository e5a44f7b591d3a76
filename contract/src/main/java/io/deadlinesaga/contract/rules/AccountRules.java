package io.deadlinesaga.contract.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** I4: a balance is never negative, and is its opening points less the points of its holder's approved orders. */
public final class AccountRules {

    private AccountRules() {
    }

    public static List<Finding> judge(AccountFacts account) {
        if (account.balance() == null) {
            return List.of(Finding.of(Rule.ACCOUNT_MISSING, "point has no account " + account.userId()));
        }
        List<Finding> findings = new ArrayList<>();
        if (account.balance().signum() < 0) {
            findings.add(Finding.of(Rule.BALANCE_NEGATIVE, SagaRules.plain(account.balance())));
        }
        BigDecimal expected = account.opening().subtract(account.approvedPoints());
        if (account.balance().compareTo(expected) != 0) {
            findings.add(Finding.of(Rule.BALANCE_WRONG, "the balance is " + SagaRules.plain(account.balance())
                    + ", expected " + SagaRules.plain(expected) + " = " + SagaRules.plain(account.opening())
                    + " opening points - " + SagaRules.plain(account.approvedPoints()) + " points of "
                    + account.approvedOrders() + " approved orders"));
        }
        return List.copyOf(findings);
    }
}
