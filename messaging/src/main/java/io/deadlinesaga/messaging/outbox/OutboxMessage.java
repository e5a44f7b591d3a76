package io.deadlinesaga.messaging.outbox;

import io.deadlinesaga.messaging.persistence.StoredEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * An event a service committed and has still to publish (sentAt null), or has published; or a received event
 * that kept failing, to be published to the dead-letter topic with its error. {@link JdbcOutbox} inserts
 * it with plain JDBC; the relay reads and marks it through JPA.
 */
@Entity
@Table(name = "outbox_message", indexes = {
        @Index(name = "outbox_unsent", columnList = "sent_at, id"),
        @Index(name = "outbox_by_order", columnList = "order_id, id")})
class OutboxMessage extends StoredEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id", nullable = false, unique = true, length = 36)
    private String eventId;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "sent_at")
    private Long sentAt;

    /** the topic it goes to, when not the saga's topic: the dead-letter topic, for an event that kept failing */
    @Column(length = 255)
    private String destination;

    /** why it is dead-lettered, for the record's error header */
    @Column(length = 1000)
    private String error;

    protected OutboxMessage() {
    }

    Long id() {
        return id;
    }

    String eventId() {
        return eventId;
    }

    String destination() {
        return destination;
    }

    String error() {
        return error;
    }
}
