package io.deadlinesaga.sagaview.audit;

import java.util.List;

import io.deadlinesaga.contract.rules.Finding;
import io.deadlinesaga.contract.rules.Verdict;

/**
 * A saga's verdict as the view stored it at its last audit: a line of the list of sagas.
 *
 * @param orderId the order
 * @param verdict the auditor's verdict
 * @param violations the broken rules, if any
 * @param order the order's state as its events tell it (PENDING, APPROVED, REJECTED or COMPENSATED)
 */
public record StoredVerdict(long orderId, Verdict verdict, List<Finding> violations, String order) {
}
