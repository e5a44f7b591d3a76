package io.deadlinesaga.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Everything a finished load found, for the report.
 *
 * @param startedAt when the first order was sent, epoch ms
 * @param sendMillis from the first order sent to the last
 * @param settledMillis from the last order sent until every order was settled, or -1 if some never were
 * @param notPlaced orders whose POST never succeeded
 * @param deadlineLateness {@code firedAt - deadline} of every DeadlineReached of the load's orders
 * @param topicRecords records read from the topic, and of those, the load's own
 * @param topicBytes the bytes of the records read (keys, values and headers)
 * @param redeliveries records of the load's orders that repeated an event already on the topic (same eventId)
 * @param requestsWhileRunning HTTP requests until every order was settled (or the wait timed out), the
 *        driver's own load on the system; {@code requests} in all, the checks' included
 * @param retries HTTP attempts repeated after a connection error or a 5xx
 * @param steps of the ordinary orders approved: how long each step took, from one event's timestamp to the
 *        next's (publishing, the broker, the consumer, the queue and the handler), by step
 */
record LoadResult(LoadOptions options, int accounts, long startedAt, long sendMillis, long settledMillis,
        Collection<OrderFacts> orders, CheckResult check, List<Violation> notPlaced, long[] deadlineLateness,
        long topicRecords, long topicBytes, long topicRecordsOfOurs, long redeliveries, long requestsWhileRunning,
        long requests, long retries, Map<String, long[]> steps) {

    List<Violation> violations() {
        List<Violation> all = new ArrayList<>(notPlaced);
        all.addAll(check.violations());
        return all;
    }

    boolean passed() {
        return notPlaced.isEmpty() && check.passed();
    }
}
