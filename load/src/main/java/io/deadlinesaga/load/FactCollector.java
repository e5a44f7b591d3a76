package io.deadlinesaga.load;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.function.LongFunction;

import io.deadlinesaga.contract.rules.ServiceFacts;
import tools.jackson.databind.JsonNode;

/**
 * Asks every service, through the gateway, what it holds for each order and account of the load: the order,
 * its exchange, its ledger lines and its deadline; each account's balance. A bounded number of calls at a time.
 * A call that keeps failing past its retry window is noted as unreadable on its order or account, so one
 * broken answer is reported as such and the rest is still checked.
 */
final class FactCollector {

    private final GatewayClient gateway;
    private final Duration retryFor;
    private final Semaphore permits;

    FactCollector(GatewayClient gateway, Duration retryFor, int concurrentCalls) {
        this.gateway = gateway;
        this.retryFor = retryFor;
        this.permits = new Semaphore(concurrentCalls);
    }

    /**
     * @param refresh read the order again even if the driver has seen it settled
     * @param events the order's events on the topic
     */
    Map<Long, OrderFacts> orders(Collection<TrackedOrder> orders, boolean refresh, LongFunction<EventTally> events)
            throws InterruptedException {
        Map<Long, OrderFacts> facts = new ConcurrentHashMap<>();
        List<CompletableFuture<OrderFacts>> calls = new ArrayList<>(orders.size());
        for (TrackedOrder order : orders) {
            permits.acquire();
            calls.add(factsOf(order, refresh || !order.isSettled(), events.apply(order.id())).whenComplete((found, error) -> {
                permits.release();
                if (found != null) {
                    facts.put(order.id(), found);
                }
            }));
        }
        awaitAll(calls);
        return facts;
    }

    Map<String, AccountFacts> accounts(Collection<String> userIds, BigDecimal opening) throws InterruptedException {
        Map<String, AccountFacts> facts = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> calls = new ArrayList<>(userIds.size());
        for (String userId : userIds) {
            permits.acquire();
            calls.add(get("/points/" + userId).handle((answer, error) -> {
                permits.release();
                facts.put(userId, error != null ? new AccountFacts(userId, opening, null, GatewayClient.why(error))
                        : new AccountFacts(userId, opening, answer.is(200) ? answer.body().path("point").decimalValue() : null));
                return null;
            }));
        }
        awaitAll(calls);
        return facts;
    }

    private CompletableFuture<OrderFacts> factsOf(TrackedOrder order, boolean refresh, EventTally events) {
        long id = order.id();
        List<String> unreadable = new CopyOnWriteArrayList<>();
        CompletableFuture<OrderState> state = refresh
                ? read(get("/orders/" + id).thenApply(answer -> answer.is(200) ? observed(order, OrderState.of(answer.body())) : null),
                        order.state(), unreadable)
                : CompletableFuture.completedFuture(order.state());
        CompletableFuture<ServiceFacts.Exchange> exchange = read(get("/exchanges/" + id).thenApply(answer -> answer.is(200)
                ? new ServiceFacts.Exchange(answer.body().path("state").asString(), answer.body().path("point").decimalValue())
                : null), null, unreadable);
        CompletableFuture<List<ServiceFacts.LedgerLine>> ledger = read(get("/transactions?orderId=" + id)
                .thenApply(answer -> ledgerLines(answer.body())), List.of(), unreadable);
        CompletableFuture<String> deadline = read(get("/deadlines/" + id)
                .thenApply(answer -> answer.is(200) ? answer.body().path("state").asString() : null), null, unreadable);
        return CompletableFuture.allOf(state, exchange, ledger, deadline).thenApply(ignored -> new OrderFacts(id,
                order.kind, order.holderId, order.amount, state.join(), exchange.join(), ledger.join(), deadline.join(),
                events, order.decisionsSeen(), List.copyOf(unreadable)));
    }

    /** A read that failed for good counts as unreadable, with what it got, instead of failing the whole check. */
    private static <T> CompletableFuture<T> read(CompletableFuture<T> call, T fallback, List<String> unreadable) {
        return call.exceptionally(error -> {
            unreadable.add(GatewayClient.why(error));
            return fallback;
        });
    }

    private static OrderState observed(TrackedOrder order, OrderState state) {
        order.observe(state);
        return state;
    }

    private static List<ServiceFacts.LedgerLine> ledgerLines(JsonNode entries) {
        List<ServiceFacts.LedgerLine> lines = new ArrayList<>();
        for (JsonNode entry : entries) {
            lines.add(new ServiceFacts.LedgerLine(entry.path("type").asString(), entry.path("point").decimalValue()));
        }
        return lines;
    }

    /** A GET that retries through outages; an answer other than 200 or 404 is a failure too. */
    private CompletableFuture<GatewayClient.Answer> get(String path) {
        return gateway.get(path, retryFor).thenApply(answer -> {
            if (!answer.is(200) && !answer.is(404)) {
                throw new GatewayClient.UnavailableException("GET " + path + " answered " + answer.status() + " " + answer.body());
            }
            return answer;
        });
    }

    private static void awaitAll(List<? extends CompletableFuture<?>> calls) {
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
    }
}
