package io.deadlinesaga.messaging.web;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The 413 problem+json for a body over the limit, as the filter and the advice both answer it: whole, with its
 * {@code Content-Length}. Tomcat closes the connection after a refused body while the client may still be
 * sending: an answer of known length reaches the client in one piece, while a chunked one is often cut off before
 * its end (Java's HttpClient failed to read one in about a quarter of 10 MB requests; none of known length).
 */
final class BodyTooLargeAnswer {

    private BodyTooLargeAnswer() {
    }

    static ResponseEntity<byte[]> of(long limitBytes, String path) {
        ProblemDetail problem = ApiProblem.bodyTooLarge(limitBytes).getBody();
        // the fields Spring writes for every other problem, in its order
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", problem.getTitle());
        fields.put("status", problem.getStatus());
        fields.put("detail", problem.getDetail());
        fields.put("instance", path);
        byte[] body = JsonMapper.shared().writeValueAsBytes(fields);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .contentLength(body.length).body(body);
    }
}
