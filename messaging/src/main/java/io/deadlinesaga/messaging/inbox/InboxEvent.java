package io.deadlinesaga.messaging.inbox;

import io.deadlinesaga.messaging.persistence.StoredEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * An event this service received: PENDING until its handler has run, then DONE, in the handler's
 * transaction; FAILED when every attempt failed. Its unique eventId is what makes redelivery harmless.
 */
@Entity
@Table(name = "inbox_event", indexes = {
        @Index(name = "inbox_by_order", columnList = "order_id, status, seq"),
        @Index(name = "inbox_due", columnList = "status, not_before")})
class InboxEvent extends StoredEvent {

    enum Status { PENDING, DONE, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long seq;

    @Column(name = "event_id", nullable = false, unique = true, length = 64)
    private String eventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "not_before", nullable = false)
    private long notBefore;

    @Column(name = "received_at", nullable = false)
    private long receivedAt;

    @Column(name = "processed_at")
    private Long processedAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    protected InboxEvent() {
    }

    InboxEvent(String eventId, long orderId, String eventType, String payload, long receivedAt) {
        super(orderId, eventType, payload);
        this.eventId = eventId;
        this.status = Status.PENDING;
        this.notBefore = receivedAt;
        this.receivedAt = receivedAt;
    }

    /** An event handled as it was received: only its eventId matters now, so its payload is not kept. */
    static InboxEvent handledOnReceipt(String eventId, long orderId, String eventType, long receivedAt, long now) {
        InboxEvent event = new InboxEvent(eventId, orderId, eventType, "", receivedAt);
        event.done(now);
        return event;
    }

    void done(long now) {
        attempts++;
        status = Status.DONE;
        processedAt = now;
    }

    void retryAt(long when, String error) {
        attempts++;
        notBefore = when;
        lastError = abbreviate(error);
    }

    void failed(long now, String error) {
        attempts++;
        status = Status.FAILED;
        processedAt = now;
        lastError = abbreviate(error);
    }

    String lastError() {
        return lastError;
    }

    private static String abbreviate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    Long seq() {
        return seq;
    }

    String eventId() {
        return eventId;
    }

    int attempts() {
        return attempts;
    }

    long notBefore() {
        return notBefore;
    }

    long receivedAt() {
        return receivedAt;
    }

    Status status() {
        return status;
    }

    Long processedAt() {
        return processedAt;
    }
}
