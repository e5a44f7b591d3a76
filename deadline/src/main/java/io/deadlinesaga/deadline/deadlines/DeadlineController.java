package io.deadlinesaga.deadline.deadlines;

import java.util.List;

import io.deadlinesaga.messaging.web.ApiProblem;
import io.deadlinesaga.messaging.web.Paging;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deadlines over HTTP, read-only. */
@RestController
@RequestMapping("/deadlines")
class DeadlineController {

    private final DeadlineRepository deadlines;

    DeadlineController(DeadlineRepository deadlines) {
        this.deadlines = deadlines;
    }

    /** A page of deadlines, of the newest order (highest orderId) first. */
    @GetMapping
    @Transactional(readOnly = true)
    List<DeadlineView> list(@RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        return deadlines.findNewest(Paging.of(page, size)).stream().map(DeadlineView::of).toList();
    }

    @GetMapping("/{orderId}")
    @Transactional(readOnly = true)
    DeadlineView get(@PathVariable long orderId) {
        return deadlines.findById(orderId).map(DeadlineView::of)
                .orElseThrow(() -> ApiProblem.notFound("no deadline for order " + orderId));
    }

    /** @param deadline the due time, epoch ms; @param closedAt when it fired or was cancelled */
    record DeadlineView(long orderId, long deadline, DeadlineState state, Long closedAt) {

        static DeadlineView of(Deadline deadline) {
            return new DeadlineView(deadline.getOrderId(), deadline.getDueAt(), deadline.getState(),
                    deadline.getClosedAt());
        }
    }
}
