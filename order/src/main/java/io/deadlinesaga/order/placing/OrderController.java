package io.deadlinesaga.order.placing;

import java.net.URI;
import java.util.List;

import io.deadlinesaga.messaging.web.ApiProblem;
import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Orders over HTTP. Read-only once placed: no client may change an order's status. */
@RestController
@RequestMapping("/orders")
class OrderController {

    private final OrderPlacing placing;
    private final OrderRepository orders;

    OrderController(OrderPlacing placing, OrderRepository orders) {
        this.placing = placing;
        this.orders = orders;
    }

    @PostMapping
    ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrder request) {
        Order order = placing.place(request);
        return ResponseEntity.created(URI.create("/orders/" + order.getId())).body(OrderView.of(order));
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<OrderView> list() {
        return orders.findAll(Sort.by("id")).stream().map(OrderView::of).toList();
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    OrderView get(@PathVariable long id) {
        return orders.findById(id).map(OrderView::of)
                .orElseThrow(() -> ApiProblem.notFound("no order with id " + id));
    }
}
