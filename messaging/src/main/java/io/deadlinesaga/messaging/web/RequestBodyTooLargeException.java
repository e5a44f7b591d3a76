package io.deadlinesaga.messaging.web;

import java.io.IOException;

/**
 * A request body read past the limit. An {@link IOException}, as any failure to read the body is, so that
 * whatever reads it stops there; {@link ProblemDetailsAdvice} answers 413 however Spring wraps it.
 */
class RequestBodyTooLargeException extends IOException {

    private final long limitBytes;

    RequestBodyTooLargeException(long limitBytes) {
        super("request body larger than " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    long limitBytes() {
        return limitBytes;
    }
}
