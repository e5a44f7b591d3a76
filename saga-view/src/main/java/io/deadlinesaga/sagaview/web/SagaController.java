package io.deadlinesaga.sagaview.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.deadlinesaga.messaging.web.ApiProblem;
import io.deadlinesaga.sagaview.audit.Audit;
import io.deadlinesaga.sagaview.audit.Auditor;
import io.deadlinesaga.sagaview.audit.Participants;
import io.deadlinesaga.sagaview.audit.Verdict;
import io.deadlinesaga.sagaview.timeline.SagaTimelines;
import io.deadlinesaga.sagaview.timeline.TimelineEntry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sagas over HTTP: {@code GET /sagas/{orderId}} as JSON, or as a page for a browser; {@code GET
 * /sagas?verdict=VIOLATION} lists the sagas with that verdict.
 */
@RestController
@RequestMapping("/sagas")
class SagaController {

    private static final Resource PAGE = new ClassPathResource("saga-page.html");

    private final SagaTimelines timelines;
    private final Auditor auditor;
    private final JsonMapper json;

    SagaController(SagaTimelines timelines, Auditor auditor, JsonMapper json) {
        this.timelines = timelines;
        this.auditor = auditor;
        this.json = json;
    }

    @GetMapping(path = "/{orderId}", produces = MediaType.APPLICATION_JSON_VALUE)
    SagaView saga(@PathVariable long orderId) {
        List<TimelineEntry> timeline = timelines.eventsOf(orderId)
                .orElseThrow(() -> ApiProblem.notFound("no event of order " + orderId + " on the topic"));
        return SagaView.of(orderId, timeline, auditor.audit(timeline, System.currentTimeMillis()));
    }

    /** The timeline as text, one line per event, for {@code ./saga events}. */
    @GetMapping(path = "/{orderId}", produces = MediaType.TEXT_PLAIN_VALUE)
    String text(@PathVariable long orderId) {
        return TimelineText.of(orderId, timelines.eventsOf(orderId)
                .orElseThrow(() -> ApiProblem.notFound("no event of order " + orderId + " on the topic")));
    }

    /**
     * The timeline as a picture. The page carries the saga's JSON as it is now, so it draws at once, and
     * asks for it again every second while the saga is in progress.
     */
    @GetMapping(path = "/{orderId}", produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable long orderId) throws IOException {
        String saga = timelines.eventsOf(orderId)
                .map(timeline -> json.writeValueAsString(SagaView.of(orderId, timeline,
                        auditor.audit(timeline, System.currentTimeMillis()))))
                .orElse("null");
        // inside a script element, "</" would end it early
        return PAGE.getContentAsString(StandardCharsets.UTF_8).replace("/*SAGA_JSON*/null", saga.replace("</", "<\\/"));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<SagaView.Summary> sagas(@RequestParam(required = false) Verdict verdict) {
        long now = System.currentTimeMillis();
        return timelines.orderIds().stream()
                .map(orderId -> {
                    List<TimelineEntry> timeline = timelines.eventsOf(orderId).orElse(List.of());
                    Audit audit = auditor.audit(timeline, now);
                    return new SagaView.Summary(orderId, audit.verdict(), audit.violations(),
                            Participants.of(timeline).order());
                })
                .filter(summary -> verdict == null || summary.verdict() == verdict)
                .toList();
    }
}
