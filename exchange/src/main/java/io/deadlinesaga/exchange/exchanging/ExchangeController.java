package io.deadlinesaga.exchange.exchanging;

import java.util.List;

import io.deadlinesaga.messaging.web.ApiProblem;
import io.deadlinesaga.messaging.web.Paging;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Exchanges over HTTP, read-only. */
@RestController
@RequestMapping("/exchanges")
class ExchangeController {

    private final ExchangeRepository exchanges;

    ExchangeController(ExchangeRepository exchanges) {
        this.exchanges = exchanges;
    }

    /** A page of exchanges, of the newest order (highest orderId) first. */
    @GetMapping
    @Transactional(readOnly = true)
    List<ExchangeView> list(@RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        return exchanges.findNewest(Paging.of(page, size)).stream().map(ExchangeView::of).toList();
    }

    @GetMapping("/{orderId}")
    @Transactional(readOnly = true)
    ExchangeView get(@PathVariable long orderId) {
        return exchanges.findById(orderId).map(ExchangeView::of)
                .orElseThrow(() -> ApiProblem.notFound("no exchange for order " + orderId));
    }
}
