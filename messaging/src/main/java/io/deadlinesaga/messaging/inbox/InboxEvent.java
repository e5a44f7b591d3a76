package io.deadlinesaga.messaging.inbox;

/**
 * An event this service received: PENDING until its handler has run, then DONE, in the handler's
 * transaction; FAILED when every attempt failed. Its unique eventId is what makes redelivery harmless.
 */
final class InboxEvent {

    enum Status { PENDING, DONE, FAILED }

    /** the table's identity: the order of arrival; null until the row is inserted */
    private final Long seq;
    private final String eventId;
    private final long orderId;
    private final String eventType;
    private final String payload;
    private Status status;
    private int attempts;
    private long notBefore;
    private final long receivedAt;
    private Long processedAt;
    private String lastError;

    InboxEvent(String eventId, long orderId, String eventType, String payload, long receivedAt) {
        this(null, eventId, orderId, eventType, payload, Status.PENDING, 0, receivedAt, receivedAt, null, null);
    }

    private InboxEvent(Long seq, String eventId, long orderId, String eventType, String payload, Status status,
            int attempts, long notBefore, long receivedAt, Long processedAt, String lastError) {
        this.seq = seq;
        this.eventId = eventId;
        this.orderId = orderId;
        this.eventType = eventType;
        this.payload = payload;
        this.status = status;
        this.attempts = attempts;
        this.notBefore = notBefore;
        this.receivedAt = receivedAt;
        this.processedAt = processedAt;
        this.lastError = lastError;
    }

    /** The event as its row holds it. */
    static InboxEvent restore(long seq, String eventId, long orderId, String eventType, String payload,
            Status status, int attempts, long notBefore, long receivedAt, Long processedAt, String lastError) {
        return new InboxEvent(seq, eventId, orderId, eventType, payload, status, attempts, notBefore, receivedAt,
                processedAt, lastError);
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

    private static String abbreviate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    Long seq() {
        return seq;
    }

    String eventId() {
        return eventId;
    }

    long orderId() {
        return orderId;
    }

    String eventType() {
        return eventType;
    }

    String payload() {
        return payload;
    }

    Status status() {
        return status;
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

    Long processedAt() {
        return processedAt;
    }

    String lastError() {
        return lastError;
    }
}
