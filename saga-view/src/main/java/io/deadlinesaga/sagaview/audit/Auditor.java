package io.deadlinesaga.sagaview.audit;

import java.util.ArrayList;
import java.util.List;

import io.deadlinesaga.contract.EventName;
import io.deadlinesaga.contract.rules.DeadLetter;
import io.deadlinesaga.contract.rules.Judgement;
import io.deadlinesaga.contract.rules.SagaFacts;
import io.deadlinesaga.contract.rules.SagaRules;
import io.deadlinesaga.contract.rules.Timeouts;
import io.deadlinesaga.contract.rules.TopicEvent;
import io.deadlinesaga.sagaview.timeline.TimelineEntry;

import org.springframework.stereotype.Component;

/**
 * Judges a saga from its events alone, by the contract's rules: its timeline, dead letters included, as the
 * topic's facts. An event that the topic holds twice with the same eventId (a relay that sent again after a
 * crash) counts once; the same fact under two eventIds counts twice.
 */
@Component
public class Auditor {

    private final SagaRules rules;

    public Auditor(AuditSettings settings) {
        this.rules = new SagaRules(new Timeouts(settings.decisionGrace(), settings.compensationTimeout()));
    }

    public Judgement audit(long orderId, List<TimelineEntry> timeline, long now) {
        return rules.judge(facts(orderId, timeline), now);
    }

    static SagaFacts facts(long orderId, List<TimelineEntry> timeline) {
        List<TopicEvent> events = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (TimelineEntry entry : timeline) {
            if (entry.isDeadLetter()) {
                deadLetters.add(new DeadLetter(entry.text("eventType"), entry.text("error")));
            }
            else {
                EventName.ofWireName(entry.type())
                        .map(type -> TopicEvent.fromWire(type, entry.eventId(), entry.time(), entry::text))
                        .ifPresent(events::add);
            }
        }
        return SagaFacts.ofTopic(orderId, events, deadLetters);
    }
}
