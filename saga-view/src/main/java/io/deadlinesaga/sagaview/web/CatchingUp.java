package io.deadlinesaga.sagaview.web;

import java.time.Duration;
import java.util.OptionalLong;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A 503: the view does not hold the order, but it has not read the whole topic yet, so the order may well be
 * in what it has still to read. Says how far behind it is, and when to ask again.
 */
final class CatchingUp extends ErrorResponseException {

    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    CatchingUp(long orderId, OptionalLong behind) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(orderId, behind), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
    }

    private static ProblemDetail problem(long orderId, OptionalLong behind) {
        String detail = behind.isPresent()
                ? "the saga view is catching up with the topic, " + behind.getAsLong() + " events behind; no event of order "
                        + orderId + " so far"
                : "the saga view cannot tell whether it has read the whole topic (the broker does not answer); no event of order "
                        + orderId + " so far";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Catching up");
        behind.ifPresent(events -> problem.setProperty("behind", events));
        return problem;
    }
}
