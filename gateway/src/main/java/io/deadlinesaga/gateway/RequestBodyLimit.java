package io.deadlinesaga.gateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a request body over {@code saga.web.max-request-size} with 413 problem+json, on every route. A declared
 * {@code Content-Length} over the limit is answered at once and nothing is proxied; a body without a length
 * (chunked) is counted as it is read and cut off one byte past the limit. The gateway holds each body whole before
 * it sends it on (so that {@code Failover} can send it to another instance), so a body cut off never reaches a
 * service. Up to {@code swallowBytes} of a refused body are read and thrown away (never held) before the answer: a
 * server that answers and closes while the client is still sending resets the connection, and the client then
 * sees no 413 at all. (Spring Cloud Gateway's own {@code RequestSize} filter looks only at {@code Content-Length}
 * and answers with no body.)
 */
class RequestBodyLimit implements WebFilter, Ordered {

    private final long limitBytes;
    private final long swallowBytes;

    RequestBodyLimit(long limitBytes, long swallowBytes) {
        this.limitBytes = limitBytes;
        this.swallowBytes = swallowBytes;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limitBytes) {
            return declared > swallowBytes ? refuse(exchange)
                    : exchange.getRequest().getBody().doOnNext(DataBufferUtils::release).then(refuse(exchange));
        }
        if (declared >= 0) {
            // Netty reads no more than the declared length
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new LimitedRequest(exchange.getRequest(), limitBytes, swallowBytes);
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(RequestBodyLimit::cutOff, cutOff -> refuse(exchange));
    }

    private static boolean cutOff(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge) {
                return true;
            }
        }
        return false;
    }

    private Mono<Void> refuse(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // the service answered before the body broke off; that answer stands
            return Mono.empty();
        }
        // the fields and order of the services' problems
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", "Request body too large");
        problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
        problem.put("detail", "request body larger than " + limitBytes + " bytes");
        problem.put("instance", exchange.getRequest().getPath().value());
        byte[] body = JsonMapper.shared().writeValueAsBytes(problem);
        response.setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        // the rest of the body is not wanted: the connection is closed after the answer, not kept for another request
        response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static final class LimitedRequest extends ServerHttpRequestDecorator {

        private final long limitBytes;
        private final long swallowBytes;

        LimitedRequest(ServerHttpRequest request, long limitBytes, long swallowBytes) {
            super(request);
            this.limitBytes = limitBytes;
            this.swallowBytes = swallowBytes;
        }

        /**
         * The body up to the limit; past it, what comes is thrown away until the client has sent it all (or the
         * swallow size), and then the body ends in {@link BodyTooLarge}.
         */
        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong read = new AtomicLong();
            Flux<DataBuffer> body = super.getBody().handle((buffer, sink) -> {
                long total = read.addAndGet(buffer.readableByteCount());
                if (total <= limitBytes) {
                    sink.next(buffer);
                    return;
                }
                DataBufferUtils.release(buffer);
                if (total > swallowBytes) {
                    sink.error(new BodyTooLarge(limitBytes));
                }
            });
            return body.concatWith(Flux.defer(() -> read.get() > limitBytes
                    ? Flux.error(new BodyTooLarge(limitBytes)) : Flux.empty()));
        }
    }

    /** The body went past the limit; no stack trace, it is the client's doing. */
    private static final class BodyTooLarge extends RuntimeException {

        BodyTooLarge(long limitBytes) {
            super("request body larger than " + limitBytes + " bytes, cut off", null, false, false);
        }
    }
}
