package io.deadlinesaga.contract.rules;

import java.math.BigDecimal;

/**
 * A point account, for I4.
 *
 * @param userId its holder
 * @param opening its starting points and any top-ups since
 * @param balance what point answers ({@code GET /points/{userId}}); null when it has no such account
 * @param approvedPoints the points of the holder's approved orders, added up (see {@link ServiceFacts#pointsTaken()})
 * @param approvedOrders how many approved orders those are
 */
public record AccountFacts(String userId, BigDecimal opening, BigDecimal balance, BigDecimal approvedPoints,
        int approvedOrders) {
}
