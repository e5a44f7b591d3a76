package io.deadlinesaga.messaging.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBodyLimitFilterTest {

    private static final int LIMIT = 1024;

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(LIMIT);

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutCallingTheController() throws Exception {
        // given
        MockHttpServletRequest request = post(LIMIT + 1);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        // when
        filter.doFilter(request, response, chain);

        // then
        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
        JsonNode problem = JsonMapper.shared().readTree(response.getContentAsByteArray());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("title").asString()).isEqualTo("Request body too large");
        assertThat(problem.get("detail").asString()).isEqualTo("request body larger than 1024 bytes");
        assertThat(problem.get("instance").asString()).isEqualTo("/orders");
    }

    @Test
    void passesADeclaredLengthAtTheLimit() throws Exception {
        // given
        MockHttpServletRequest request = post(LIMIT);
        MockFilterChain chain = new MockFilterChain();

        // when
        filter.doFilter(request, new MockHttpServletResponse(), chain);

        // then
        assertThat(chain.getRequest().getInputStream().readAllBytes()).hasSize(LIMIT);
    }

    @Test
    void letsAChunkedBodyAtTheLimitBeReadWhole() throws Exception {
        // given
        MockFilterChain chain = new MockFilterChain();

        // when
        filter.doFilter(chunked(LIMIT), new MockHttpServletResponse(), chain);

        // then
        assertThat(chain.getRequest().getInputStream().readAllBytes()).hasSize(LIMIT);
    }

    @Test
    void stopsReadingAChunkedBodyOneByteOverTheLimit() throws Exception {
        // given
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(chunked(10 * LIMIT), new MockHttpServletResponse(), chain);
        InputStream body = chain.getRequest().getInputStream();

        // when / then
        assertThatThrownBy(body::readAllBytes).isInstanceOf(RequestBodyTooLargeException.class)
                .hasMessage("request body larger than 1024 bytes");
        assertThatThrownBy(body::read).isInstanceOf(RequestBodyTooLargeException.class);
    }

    @Test
    void countsAChunkedBodyReadByteByByte() throws Exception {
        // given
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(chunked(LIMIT + 1), new MockHttpServletResponse(), chain);
        InputStream body = chain.getRequest().getInputStream();

        // when / then
        assertThatThrownBy(() -> {
            while (body.read() >= 0) {
                // on until refused
            }
        }).isInstanceOf(RequestBodyTooLargeException.class);
    }

    @Test
    void countsAChunkedBodyReadAsText() throws Exception {
        // given
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(chunked(LIMIT + 1), new MockHttpServletResponse(), chain);

        // when / then
        assertThatThrownBy(() -> chain.getRequest().getReader().lines().count())
                .hasRootCauseInstanceOf(RequestBodyTooLargeException.class);
    }

    @Test
    void theAdviceAnswers413WhenTheConverterWrapsTheCutOffBody() throws Exception {
        // given: Jackson wraps the stream's exception, Spring's converter wraps Jackson's
        MockHttpServletRequest request = post(0);
        HttpMessageNotReadableException wrapped = new HttpMessageNotReadableException("JSON parse error",
                JacksonIOException.construct(new RequestBodyTooLargeException(LIMIT)),
                new ServletServerHttpRequest(request));

        // when
        ResponseEntity<Object> answer = new ProblemDetailsAdvice().handleHttpMessageNotReadable(wrapped,
                new HttpHeaders(), HttpStatus.BAD_REQUEST, new ServletWebRequest(request));

        // then
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(new String((byte[]) answer.getBody(), StandardCharsets.UTF_8))
                .contains("\"detail\":\"request body larger than 1024 bytes\"").contains("\"instance\":\"/orders\"");
    }

    private static MockHttpServletRequest post(int bytes) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/orders");
        request.setContent(new byte[bytes]);
        return request;
    }

    /** A request whose body has no declared length, as a chunked one. */
    private static HttpServletRequest chunked(int bytes) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/orders") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(new byte[bytes]);
        request.setCharacterEncoding("UTF-8");
        return request;
    }
}
