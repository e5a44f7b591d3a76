package io.deadlinesaga.messaging.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** The columns every stored event has, received (inbox) or to be sent (outbox): its order, its type, its JSON. */
@MappedSuperclass
public abstract class StoredEvent {

    @Column(name = "order_id", nullable = false)
    private long orderId;

    @Column(name = "event_type", nullable = false, length = 40)
    private String eventType;

    @Column(nullable = false, length = 4000)
    private String payload;

    protected StoredEvent() {
    }

    protected StoredEvent(long orderId, String eventType, String payload) {
        this.orderId = orderId;
        this.eventType = eventType;
        this.payload = payload;
    }

    public long orderId() {
        return orderId;
    }

    public String eventType() {
        return eventType;
    }

    public String payload() {
        return payload;
    }
}
