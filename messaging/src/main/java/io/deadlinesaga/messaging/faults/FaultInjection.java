package io.deadlinesaga.messaging.faults;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Fault injection by currency ({@code saga.faults.*}): on in the demo, off in the {@code prod} profile.
 *
 * @param enabled whether the special currencies inject their fault
 * @param exchangeStall how long exchange's step takes under faults 100 and 200 (at least until just after
 *        the order's deadline, so the race always goes the same way)
 * @param pointStall how long point's step takes under fault 500
 */
@ConfigurationProperties("saga.faults")
public record FaultInjection(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("10s") Duration exchangeStall,
        @DefaultValue("12s") Duration pointStall) {

    /** How long past the deadline a stall lasts at least. */
    public static final Duration PAST_DEADLINE = Duration.ofSeconds(1);

    /** Whether an order in this currency is to suffer this fault. */
    public boolean injects(Fault fault, long currencyId) {
        return enabled && fault.currencyId() == currencyId;
    }

    /** How long a step stalled at {@code now} waits: the configured stall, and until past the deadline. */
    public Duration stallUntilPast(Duration stall, long deadline, long now) {
        long pastDeadline = deadline + PAST_DEADLINE.toMillis() - now;
        return Duration.ofMillis(Math.max(stall.toMillis(), pastDeadline));
    }
}
