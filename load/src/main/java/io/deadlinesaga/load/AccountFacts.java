package io.deadlinesaga.load;

import java.math.BigDecimal;

/**
 * A point account the load opened, and its balance at the end.
 *
 * @param balance {@code GET /points/{userId}}, null if it answered 404 or could not be read
 * @param unreadable why it could not be read, or null
 */
record AccountFacts(String userId, BigDecimal opening, BigDecimal balance, String unreadable) {

    AccountFacts(String userId, BigDecimal opening, BigDecimal balance) {
        this(userId, opening, balance, null);
    }
}
