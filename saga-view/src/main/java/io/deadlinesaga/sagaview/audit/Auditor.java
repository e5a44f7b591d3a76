package io.deadlinesaga.sagaview.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

import io.deadlinesaga.sagaview.timeline.TimelineEntry;

import org.springframework.stereotype.Component;

/**
 * Judges a saga from its events alone. An event that the topic holds twice with the same eventId (a relay
 * that sent again after a crash) counts once; the same fact under two eventIds counts twice.
 */
@Component
public class Auditor {

    private final AuditSettings settings;

    public Auditor(AuditSettings settings) {
        this.settings = settings;
    }

    public Audit audit(List<TimelineEntry> events, long now) {
        Facts facts = new Facts(events);
        List<Finding> violations = new ArrayList<>();
        long placed = facts.count("OrderPlaced");
        long rejected = facts.count("OrderRejected");
        if (placed > 0 && rejected > 0) {
            violations.add(Finding.of(Rule.APPROVED_AND_REJECTED, placed + " OrderPlaced and " + rejected + " OrderRejected"));
        }
        else if (placed > 1 || rejected > 1) {
            violations.add(Finding.of(Rule.DECIDED_TWICE, Math.max(placed, rejected) + " decisions"));
        }
        long compensations = facts.count("ExchangeCompensated") + facts.count("PointUseCompensated");
        if (placed > 0 && compensations > 0) {
            violations.add(Finding.of(Rule.APPROVED_WITH_COMPENSATION, compensations + " compensation events"));
        }
        long deductions = facts.count("PointUsed");
        if (deductions > 1) {
            violations.add(Finding.of(Rule.MORE_THAN_ONE_DEDUCTION, deductions + " PointUsed"));
        }
        long refunds = facts.count("PointUseCompensated");
        if (refunds > 1) {
            violations.add(Finding.of(Rule.MORE_THAN_ONE_REFUND, refunds + " PointUseCompensated"));
        }
        boolean compensated = refunds > 0;
        if (rejected > 0 && compensated) {
            BigDecimal net = facts.sum("PointUsed", "point").subtract(facts.sum("PointUseCompensated", "refunded"));
            if (net.signum() != 0) {
                violations.add(Finding.of(Rule.POINTS_NOT_RESTORED, net.toPlainString() + " points still deducted"));
            }
        }
        // the two rules below turn with the clock alone: each names the moment it would break, if it holds now
        long recheckAt = Long.MAX_VALUE;
        Optional<TimelineEntry> rejection = facts.first("OrderRejected");
        if (rejection.isPresent() && !compensated) {
            long due = rejection.get().time() + settings.compensationTimeout().toMillis();
            if (now > due) {
                violations.add(Finding.of(Rule.REJECTION_NOT_COMPENSATED, "rejected "
                        + (now - rejection.get().time()) + " ms ago"));
            }
            else {
                recheckAt = Math.min(recheckAt, due + 1);
            }
        }
        Optional<Long> deadline = facts.first("OrderCreated").map(created -> created.fields().path("deadline").asLong(0));
        boolean decided = placed + rejected > 0;
        if (!decided && deadline.isPresent()) {
            long due = deadline.get() + settings.decisionGrace().toMillis();
            if (now > due) {
                violations.add(Finding.of(Rule.UNDECIDED_PAST_DEADLINE, (now - deadline.get()) + " ms past the deadline"));
            }
            else {
                recheckAt = Math.min(recheckAt, due + 1);
            }
        }
        facts.all(TimelineEntry.DEAD_LETTERED).forEach(letter -> violations.add(Finding.of(Rule.DEAD_LETTERED,
                letter.text("eventType") + ": " + letter.text("error"))));
        OptionalLong recheck = recheckAt == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(recheckAt);
        if (!violations.isEmpty()) {
            return new Audit(Verdict.VIOLATION, List.copyOf(violations), recheck);
        }
        boolean settled = placed > 0 || rejected > 0 && compensated;
        return new Audit(settled ? Verdict.CONSISTENT : Verdict.IN_PROGRESS, List.of(), recheck);
    }

    /** The events of one saga, each fact once per eventId. */
    private record Facts(List<TimelineEntry> events) {

        Facts {
            List<String> seen = new ArrayList<>();
            List<TimelineEntry> distinct = new ArrayList<>();
            for (TimelineEntry event : events) {
                if (event.eventId().isEmpty() || !seen.contains(event.eventId())) {
                    seen.add(event.eventId());
                    distinct.add(event);
                }
            }
            events = List.copyOf(distinct);
        }

        long count(String type) {
            return events.stream().filter(is(type)).count();
        }

        List<TimelineEntry> all(String type) {
            return events.stream().filter(is(type)).toList();
        }

        Optional<TimelineEntry> first(String type) {
            return events.stream().filter(is(type)).findFirst();
        }

        BigDecimal sum(String type, String field) {
            return events.stream().filter(is(type))
                    .map(event -> event.decimal(field))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        private static Predicate<TimelineEntry> is(String type) {
            return event -> event.is(type);
        }
    }
}
