package io.deadlinesaga.sagaview.web;

import java.util.List;

import io.deadlinesaga.contract.rules.Finding;
import io.deadlinesaga.contract.rules.Judgement;
import io.deadlinesaga.contract.rules.Verdict;
import io.deadlinesaga.sagaview.audit.Participants;
import io.deadlinesaga.sagaview.timeline.TimelineEntry;

/**
 * One saga as the view shows it.
 *
 * @param orderId the order
 * @param verdict the auditor's verdict
 * @param violations the broken rules, if any
 * @param participants the state each service has reached
 * @param deadline the order's deadline, epoch ms (0 if its OrderCreated is not on the topic)
 * @param timeline its events in topic order
 */
record SagaView(long orderId, Verdict verdict, List<Finding> violations, Participants participants, long deadline,
        List<TimelineEntry> timeline) {

    static SagaView of(long orderId, List<TimelineEntry> timeline, Judgement audit) {
        long deadline = timeline.stream().filter(event -> event.is("OrderCreated")).findFirst()
                .map(created -> created.fields().path("deadline").asLong(0)).orElse(0L);
        return new SagaView(orderId, audit.verdict(), audit.findings(), Participants.of(timeline), deadline,
                timeline);
    }
}
