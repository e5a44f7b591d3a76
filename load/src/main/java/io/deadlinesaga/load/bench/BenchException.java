package io.deadlinesaga.load.bench;

/** A part of the bench could not be measured: the broker refused, or a service did not take its events in time. */
final class BenchException extends RuntimeException {

    BenchException(String message) {
        super(message);
    }

    BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
