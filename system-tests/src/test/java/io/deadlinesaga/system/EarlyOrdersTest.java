package io.deadlinesaga.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.deadlinesaga.point.accounts.AccountOpening;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** DESIGN rule 8: an order for a holder who has no point account yet waits for it, until the deadline. */
class EarlyOrdersTest {

    private static final Duration SETTLES = SagaSystem.DEADLINE.plusSeconds(10);

    private final SagaSystem system = SagaSystem.get();
    private final SagaClient saga = system.client();
    private final Invariants invariants = new Invariants(system);

    @Test
    void approvesAnOrderWhoseHolderOpensAnAccountBeforeTheDeadline() {
        // given
        String holder = SagaClient.newHolder("early");
        long orderId = saga.placeOrderId(holder, "1", "300");
        await().atMost(SETTLES).until(() -> system.topic().typesOf(orderId).contains("ExchangeSucceed"));
        assertThat(saga.order(orderId).get("status").asString()).isEqualTo("PENDING");

        // when
        assertThat(saga.openAccount(holder, "1000").status()).isEqualTo(201);

        // then
        JsonNode order = saga.awaitSettled(orderId, SETTLES);
        assertThat(order.get("status").asString()).isEqualTo("APPROVED");
        assertThat(order.get("decidedAt").asLong()).isLessThan(order.get("deadline").asLong());
        assertThat(saga.balance(holder)).isEqualByComparingTo("700");
        assertThat(system.topic().typesOf(orderId))
                .containsExactly("OrderCreated", "ExchangeSucceed", "PointUsed", "OrderPlaced");
        invariants.assertConsistent(orderId);
    }

    @Test
    void approvesAnOrderThatBeganToWaitWhileTheAccountWasBeingOpened() throws Exception {
        // given: the account's transaction has looked for waiting orders and not yet committed
        String holder = SagaClient.newHolder("race");
        CountDownLatch looked = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        TransactionTemplate pointTransaction = new TransactionTemplate(system.bean("point", PlatformTransactionManager.class));
        CompletableFuture<Void> opening = CompletableFuture.runAsync(() -> pointTransaction.executeWithoutResult(status -> {
            system.bean("point", AccountOpening.class).open(holder, new BigDecimal("1000"));
            looked.countDown();
            awaitLatch(commit);
        }));
        awaitLatch(looked);

        // when: the order finds no account (the new one is not committed), waits for it, and then the account commits
        long orderId = saga.placeOrderId(holder, "1", "300");
        JdbcTemplate pointDatabase = new JdbcTemplate(system.bean("point", DataSource.class));
        await().atMost(SETTLES).until(() -> pointDatabase.queryForObject(
                "SELECT count(*) FROM point_pending_use WHERE order_id = ?", Integer.class, orderId) == 1);
        commit.countDown();
        opening.get(10, TimeUnit.SECONDS);

        // then
        JsonNode order = saga.awaitSettled(orderId, SETTLES);
        assertThat(order.get("status").asString()).isEqualTo("APPROVED");
        assertThat(saga.balance(holder)).isEqualByComparingTo("700");
        invariants.assertConsistent(orderId);
    }

    @Test
    void servesAnEarlyOrderAfterPointWasStoppedWhileItWaited() {
        Duration deadline = Duration.ofSeconds(30);
        system.restart("order", "--saga.order.deadline=" + deadline.toMillis() + "ms");
        try {
            // given: an order waiting in point for its holder's account
            String holder = SagaClient.newHolder("restarted");
            long orderId = saga.placeOrderId(holder, "1", "300");
            JdbcTemplate pointDatabase = system.database("point");
            await().atMost(SETTLES).until(() -> pointDatabase.queryForObject(
                    "SELECT count(*) FROM point_pending_use WHERE order_id = ?", Integer.class, orderId) == 1);

            // when: point stops while the order waits, and the account is in its database when it starts again
            // (as if the account's commit was the last thing point did before it was killed)
            system.stop("point");
            pointDatabase.update("INSERT INTO point_account (user_id, point, created_at) VALUES (?, ?, ?)", holder,
                    new BigDecimal("1000"), System.currentTimeMillis());
            system.start("point");

            // then: the waiting order's next look, after the restart, serves it
            JsonNode order = saga.awaitSettled(orderId, deadline);
            assertThat(order.get("status").asString()).isEqualTo("APPROVED");
            assertThat(saga.balance(holder)).isEqualByComparingTo("700");
            invariants.assertConsistent(orderId);
        }
        finally {
            system.start("point");
            system.restart("order");
        }
    }

    @Test
    void opensManyAccountsAtOnce() {
        // given: more requests at once than the point service has database connections
        List<String> holders = IntStream.range(0, 40).mapToObj(i -> SagaClient.newHolder("crowd")).toList();

        // when: each opening also makes the orders waiting for its account due for a look
        ExecutorService clients = Executors.newFixedThreadPool(holders.size());
        List<Integer> statuses;
        try {
            List<CompletableFuture<Integer>> answers = holders.stream()
                    .map(holder -> CompletableFuture.supplyAsync(() -> saga.openAccount(holder, "100").status(), clients))
                    .toList();
            statuses = answers.stream().map(CompletableFuture::join).toList();
        }
        finally {
            clients.shutdownNow();
        }

        // then
        assertThat(statuses).containsOnly(201);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void rejectsAtTheDeadlineSayingWhyWhenTheAccountNeverCame() {
        // given
        String holder = SagaClient.newHolder("nobody");

        // when
        long orderId = saga.placeOrderId(holder, "1", "300");

        // then
        JsonNode order = saga.awaitSettled(orderId, SETTLES);
        FaultInjectionTest.assertRejectedAtTheDeadline(order);
        assertThat(order.get("detail").asString()).contains("point account").contains(holder);
        invariants.assertConsistent(orderId);
    }

    @Test
    void deductsNothingForAnOrderRejectedBeforeTheAccountWasOpened() {
        // given
        String holder = SagaClient.newHolder("late");
        long orderId = saga.placeOrderId(holder, "1", "300");
        saga.awaitSettled(orderId, SETTLES);

        // when
        saga.openAccount(holder, "1000");

        // then
        assertThat(saga.balance(holder)).isEqualByComparingTo("1000");
        assertThat(saga.transactions(orderId)).hasSize(1);
        invariants.assertConsistent(orderId);
    }
}
