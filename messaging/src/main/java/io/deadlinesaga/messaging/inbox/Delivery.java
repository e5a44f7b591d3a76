package io.deadlinesaga.messaging.inbox;

/**
 * What a handler may know about the delivery of the event it handles.
 *
 * @param attempt 1 on the first try, 2 on the first retry …
 * @param receivedAt when this service stored the event, epoch ms
 */
public record Delivery(int attempt, long receivedAt) {

    public boolean isFirstAttempt() {
        return attempt == 1;
    }
}
