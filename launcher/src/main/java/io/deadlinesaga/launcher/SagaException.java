package io.deadlinesaga.launcher;

/** A command cannot go on: its message, for the user, ends the command with exit status 1. */
public class SagaException extends RuntimeException {

    public SagaException(String message) {
        super(message);
    }
}
