package io.deadlinesaga.sagaview.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.deadlinesaga.contract.rules.Verdict;
import io.deadlinesaga.messaging.web.ApiProblem;
import io.deadlinesaga.messaging.web.Paging;
import io.deadlinesaga.sagaview.audit.Auditor;
import io.deadlinesaga.sagaview.audit.SagaVerdicts;
import io.deadlinesaga.sagaview.audit.StoredVerdict;
import io.deadlinesaga.sagaview.reading.CatchUp;
import io.deadlinesaga.sagaview.timeline.TimelineEntry;
import io.deadlinesaga.sagaview.timeline.Timelines;
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
 * Sagas over HTTP: {@code GET /sagas/{orderId}} as JSON, text, or a page for a browser; {@code GET
 * /sagas?verdict=VIOLATION&page=0&size=50} lists the sagas with that verdict, newest order first, from the
 * verdicts stored. An order the view does not hold is a 404 once it has read the whole topic, and a 503 while
 * it is still catching up.
 */
@RestController
@RequestMapping("/sagas")
class SagaController {

    private static final Resource PAGE = new ClassPathResource("saga-page.html");

    private final Timelines timelines;
    private final Auditor auditor;
    private final SagaVerdicts verdicts;
    private final CatchUp catchUp;
    private final JsonMapper json;

    SagaController(Timelines timelines, Auditor auditor, SagaVerdicts verdicts, CatchUp catchUp, JsonMapper json) {
        this.timelines = timelines;
        this.auditor = auditor;
        this.verdicts = verdicts;
        this.catchUp = catchUp;
        this.json = json;
    }

    @GetMapping(path = "/{orderId}", produces = MediaType.APPLICATION_JSON_VALUE)
    SagaView saga(@PathVariable long orderId) {
        return view(orderId, timelineOf(orderId));
    }

    /** The timeline as text, one line per event, for {@code ./saga events}. */
    @GetMapping(path = "/{orderId}", produces = MediaType.TEXT_PLAIN_VALUE)
    String text(@PathVariable long orderId) {
        return TimelineText.of(orderId, timelineOf(orderId));
    }

    /**
     * The timeline as a picture. The page carries the saga's JSON as it is now, so it draws at once, and
     * asks for it again every second while the saga is in progress (or while the view does not hold it yet).
     */
    @GetMapping(path = "/{orderId}", produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable long orderId) throws IOException {
        String saga = timelines.eventsOf(orderId)
                .map(timeline -> json.writeValueAsString(view(orderId, timeline)))
                .orElse("null");
        // inside a script element, "</" would end it early
        return PAGE.getContentAsString(StandardCharsets.UTF_8).replace("/*SAGA_JSON*/null", saga.replace("</", "<\\/"));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<StoredVerdict> sagas(@RequestParam(required = false) Verdict verdict,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        Paging paging = Paging.of(page, size);
        return verdicts.page(Optional.ofNullable(verdict), paging.page(), paging.size());
    }

    private List<TimelineEntry> timelineOf(long orderId) {
        return timelines.eventsOf(orderId).orElseThrow(() -> {
            OptionalLong behind = catchUp.behind();
            if (behind.isPresent() && behind.getAsLong() == 0) {
                return ApiProblem.notFound("no event of order " + orderId + " on the topic");
            }
            return new CatchingUp(orderId, behind);
        });
    }

    private SagaView view(long orderId, List<TimelineEntry> timeline) {
        return SagaView.of(orderId, timeline, auditor.audit(orderId, timeline, System.currentTimeMillis()));
    }
}
