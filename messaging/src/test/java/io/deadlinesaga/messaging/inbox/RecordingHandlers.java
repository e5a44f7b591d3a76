package io.deadlinesaga.messaging.inbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.deadlinesaga.messaging.event.OrderPlaced;
import io.deadlinesaga.messaging.event.OrderRejected;
import io.deadlinesaga.messaging.event.SagaEvent;

/**
 * A service's reactions to OrderPlaced and OrderRejected that write down what they handled, and that a test
 * can make fail for an order, or hold until it lets the order go on.
 */
final class RecordingHandlers {

    /** An event handled: its order, its eventId, and which attempt it was. */
    record Handled(long orderId, String eventId, int attempt) {
    }

    private final List<Handled> handled = new CopyOnWriteArrayList<>();
    private final Map<Long, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<Long, CountDownLatch> held = new ConcurrentHashMap<>();
    private final Set<Long> inProgress = ConcurrentHashMap.newKeySet();
    private final Set<Long> overlapping = ConcurrentHashMap.newKeySet();

    @OnEvent
    void onOrderPlaced(OrderPlaced event, Delivery delivery) {
        handle(event, delivery);
    }

    @OnEvent
    void onOrderRejected(OrderRejected event, Delivery delivery) {
        handle(event, delivery);
    }

    private void handle(SagaEvent event, Delivery delivery) {
        long orderId = event.orderId();
        if (!inProgress.add(orderId)) {
            overlapping.add(orderId);
        }
        try {
            awaitRelease(orderId);
            AtomicInteger failures = failuresLeft.get(orderId);
            if (failures != null && failures.getAndDecrement() > 0) {
                throw new IllegalStateException("the handler of order " + orderId + " failed");
            }
            handled.add(new Handled(orderId, event.eventId(), delivery.attempt()));
        }
        finally {
            inProgress.remove(orderId);
        }
    }

    private void awaitRelease(long orderId) {
        CountDownLatch latch = held.get(orderId);
        if (latch == null) {
            return;
        }
        try {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** The order's handlers fail the next {@code times} times. */
    void failNext(long orderId, int times) {
        failuresLeft.put(orderId, new AtomicInteger(times));
    }

    /** The order's handlers wait until {@link #release}. */
    void hold(long orderId) {
        held.put(orderId, new CountDownLatch(1));
    }

    void release(long orderId) {
        held.remove(orderId).countDown();
    }

    List<Handled> handled() {
        return List.copyOf(handled);
    }

    /** The eventIds of the order's events handled, in the order they were handled. */
    List<String> eventIdsOf(long orderId) {
        return handled.stream().filter(h -> h.orderId() == orderId).map(Handled::eventId).toList();
    }

    /** The orders of which two events were handled at the same time. */
    Set<Long> overlapping() {
        return Set.copyOf(overlapping);
    }
}
