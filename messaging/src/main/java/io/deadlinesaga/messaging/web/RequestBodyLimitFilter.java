package io.deadlinesaga.messaging.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over the limit before it is read whole. A declared {@code Content-Length} over the limit
 * is answered 413 at once, before any controller; a body without a length (chunked) is counted as it is read and
 * the read fails one byte past the limit, which {@link ProblemDetailsAdvice} answers 413. Either way nothing is
 * stored, and Tomcat drops at most {@code server.tomcat.max-swallow-size} more bytes of it before it closes the
 * connection.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limitBytes;

    RequestBodyLimitFilter(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limitBytes) {
            refuse(request, response);
        }
        else if (declared < 0) {
            chain.doFilter(new LimitedRequest(request, limitBytes), response);
        }
        else {
            // Tomcat reads no more than the declared length
            chain.doFilter(request, response);
        }
    }

    /** The answer the advice gives a chunked body, written here because no controller is involved. */
    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResponseEntity<byte[]> answer = BodyTooLargeAnswer.of(limitBytes, request.getRequestURI());
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.getOutputStream().write(answer.getBody());
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limitBytes;
        private ServletInputStream body;

        LimitedRequest(HttpServletRequest request, long limitBytes) {
            super(request);
            this.limitBytes = limitBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new LimitedInputStream(super.getInputStream(), limitBytes);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    /** Counts the bytes read and fails the read that would go past the limit. */
    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limitBytes;
        private long read;

        LimitedInputStream(ServletInputStream in, long limitBytes) {
            this.in = in;
            this.limitBytes = limitBytes;
        }

        @Override
        public int read() throws IOException {
            refuseIfPastLimit();
            int next = in.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            refuseIfPastLimit();
            // never more than one byte past the limit: that one is enough to know
            long allowed = limitBytes - read + 1;
            int n = in.read(buffer, offset, (int) Math.min(length, allowed));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int bytes) throws RequestBodyTooLargeException {
            read += bytes;
            refuseIfPastLimit();
        }

        private void refuseIfPastLimit() throws RequestBodyTooLargeException {
            if (read > limitBytes) {
                throw new RequestBodyTooLargeException(limitBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
