package io.deadlinesaga.load;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asynchronous JSON calls to the gateway. A call that may be retried is retried, with the very same request
 * (so a POST keeps its Idempotency-Key), on a connection error, a timeout or a 5xx, until its retry window
 * closes: during a chaos run the gateway, or the service behind it, may be down for a while.
 */
final class GatewayClient implements AutoCloseable {

    /** An answer below 500: its status and its JSON body (a missing node when there is none). */
    record Answer(int status, JsonNode body) {

        boolean is(int expected) {
            return status == expected;
        }
    }

    /** No usable answer before the retry window closed; the message says what the last attempt got. */
    static final class UnavailableException extends RuntimeException {

        UnavailableException(String message) {
            super(message);
        }
    }

    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    private static final long MAX_BACKOFF_MS = 2_000;

    private final URI base;
    private final JsonMapper json;
    private final ExecutorService executor;
    private final HttpClient http;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    GatewayClient(URI base, JsonMapper json) {
        this.base = base;
        this.json = json;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).executor(executor).build();
    }

    URI base() {
        return base;
    }

    /** How many requests were sent so far, repeated attempts included. */
    long requests() {
        return requests.get();
    }

    /** How many attempts were repeated so far, over all calls. */
    long retries() {
        return retries.get();
    }

    /** One attempt, no retry: fails on a connection error, a timeout or a 5xx. */
    CompletableFuture<Answer> getOnce(String path) {
        return send(request(path).GET().build(), 0, 0);
    }

    CompletableFuture<Answer> get(String path, Duration retryFor) {
        return send(request(path).GET().build(), deadline(retryFor), 0);
    }

    CompletableFuture<Answer> post(String path, JsonNode body, String idempotencyKey, Duration retryFor) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build(), deadline(retryFor), 0);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(ATTEMPT_TIMEOUT).header("Accept", "application/json");
    }

    private static long deadline(Duration retryFor) {
        return System.nanoTime() + retryFor.toNanos();
    }

    private CompletableFuture<Answer> send(HttpRequest request, long giveUpAtNanos, int attempt) {
        requests.incrementAndGet();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            if (error == null && response.statusCode() < 500) {
                return CompletableFuture.completedFuture(new Answer(response.statusCode(), parse(response.body())));
            }
            String why = error != null ? describe(error) : response.statusCode() + " " + brief(response.body());
            if (System.nanoTime() - giveUpAtNanos >= 0) {
                return CompletableFuture.<Answer>failedFuture(new UnavailableException(
                        request.method() + " " + request.uri().getPath() + ": " + why));
            }
            retries.incrementAndGet();
            return CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(backoff(attempt), TimeUnit.MILLISECONDS, executor))
                    .thenCompose(ignored -> send(request, giveUpAtNanos, attempt + 1));
        }).thenCompose(Function.identity());
    }

    private static long backoff(int attempt) {
        long base = Math.min(MAX_BACKOFF_MS, 100L << Math.min(attempt, 5));
        return base + ThreadLocalRandom.current().nextLong(base / 5 + 1);
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.missingNode();
        }
        try {
            return json.readTree(body);
        }
        catch (JacksonException notJson) {
            return json.getNodeFactory().stringNode(body);
        }
    }

    /** What went wrong with a call, in a few words; a completion's own cause. */
    static String why(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + ATTEMPT_TIMEOUT.toSeconds() + " s";
        }
        if (cause instanceof IOException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return cause.getClass().getSimpleName();
    }

    private static String brief(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
