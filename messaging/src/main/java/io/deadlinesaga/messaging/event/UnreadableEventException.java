package io.deadlinesaga.messaging.event;

/** A record that cannot be read as an event of the contract. It goes to the dead-letter topic, never retried. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
