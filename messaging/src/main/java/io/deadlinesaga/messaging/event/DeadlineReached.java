package io.deadlinesaga.messaging.event;

/** The order's deadline passed before it was decided. {@code deadline} is the due time, {@code firedAt} when it fired (epoch ms). */
public record DeadlineReached(String eventId, long orderId, long timestamp, long deadline, long firedAt) implements SagaEvent {

    public DeadlineReached {
        Events.requireEnvelope(eventId, orderId);
    }

    public static DeadlineReached of(long orderId, long deadline, long firedAt) {
        return new DeadlineReached(Events.newId(), orderId, Events.now(), deadline, firedAt);
    }
}
