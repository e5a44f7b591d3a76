package io.deadlinesaga.order.placing;

import java.net.URI;
import java.util.List;

import io.deadlinesaga.messaging.web.ApiProblem;
import io.deadlinesaga.messaging.web.Paging;
import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    /**
     * Places an order. A client that may retry sends an {@code Idempotency-Key} header: a retry with the same
     * key gets the same order back (200) and starts no second saga.
     */
    @PostMapping
    ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrder request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        String key = validKey(idempotencyKey);
        OrderPlacing.Placed placed;
        try {
            placed = placing.place(request, key);
        }
        catch (DataIntegrityViolationException keyTaken) {
            if (key == null) {
                throw keyTaken;
            }
            placed = placing.placedBefore(request, key);
        }
        Order order = placed.order();
        URI location = URI.create("/orders/" + order.getId());
        return (placed.isNew() ? ResponseEntity.created(location) : ResponseEntity.ok().location(location))
                .body(OrderView.of(order));
    }

    private static String validKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 100) {
            throw ApiProblem.badRequest("Idempotency-Key must be 1 to 100 characters");
        }
        return key;
    }

    /** A page of orders, newest (highest id) first. */
    @GetMapping
    @Transactional(readOnly = true)
    List<OrderView> list(@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        return orders.findNewest(Paging.of(page, size)).stream().map(OrderView::of).toList();
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    OrderView get(@PathVariable long id) {
        return orders.findById(id).map(OrderView::of)
                .orElseThrow(() -> ApiProblem.notFound("no order with id " + id));
    }
}
