package io.deadlinesaga.point.accounts;

import java.math.BigDecimal;

/** An account as clients see it. */
record AccountView(String userId, BigDecimal point) {

    static AccountView of(PointAccount account) {
        return new AccountView(account.getUserId(), account.getPoint());
    }
}
