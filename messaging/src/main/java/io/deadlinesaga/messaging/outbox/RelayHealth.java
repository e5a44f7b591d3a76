package io.deadlinesaga.messaging.outbox;

import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN when the relay's thread is gone, or when it has stopped moving the outbox: an event committed longer
 * ago than {@code stallAfter} is still unsent (the broker away that long, or the relay stuck).
 */
class RelayHealth implements HealthIndicator {

    private final OutboxRelay relay;
    private final OutboxRepository repository;
    private final Duration stallAfter;

    RelayHealth(OutboxRelay relay, OutboxRepository repository, Duration stallAfter) {
        this.relay = relay;
        this.repository = repository;
        this.stallAfter = stallAfter;
    }

    @Override
    public Health health() {
        if (!relay.isWorking()) {
            return Health.down().withDetail("relay", "its thread is not running").build();
        }
        Long oldest = repository.oldestUnsentCreatedAt();
        long age = oldest == null ? 0 : Math.max(0, System.currentTimeMillis() - oldest);
        Health.Builder health = age > stallAfter.toMillis()
                ? Health.down().withDetail("relay", "stopped moving the outbox: an event has waited " + age + " ms")
                : Health.up();
        return health.withDetail("oldestUnsentMillis", age).build();
    }
}
