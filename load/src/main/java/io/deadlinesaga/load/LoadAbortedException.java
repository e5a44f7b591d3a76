package io.deadlinesaga.load;

/** A load cannot go on or cannot be checked: the gateway or Kafka does not answer. */
public final class LoadAbortedException extends RuntimeException {

    LoadAbortedException(String message) {
        super(message);
    }
}
