package io.deadlinesaga.point.ledger;

import java.math.BigDecimal;
import java.time.Duration;

import io.deadlinesaga.messaging.event.ExchangeCompensated;
import io.deadlinesaga.messaging.event.ExchangeSucceed;
import io.deadlinesaga.messaging.event.OrderRejected;
import io.deadlinesaga.messaging.faults.FaultInjection;
import io.deadlinesaga.messaging.inbox.Delivery;
import io.deadlinesaga.messaging.testing.InMemoryOutbox;
import io.deadlinesaga.messaging.testing.TestClock;
import io.deadlinesaga.messaging.testing.TestTransactions;
import io.deadlinesaga.point.accounts.AccountOpened;
import io.deadlinesaga.point.accounts.InMemoryAccounts;
import io.deadlinesaga.point.accounts.PointAccount;

/**
 * The point service's reactions over fakes, wired as Spring wires them, with a way to deliver each event in a
 * transaction of its own, as the inbox does.
 */
final class PointFixture {

    static final long NOW = 1_700_000_000_000L;
    static final Duration POINT_STALL = Duration.ofSeconds(12);
    static final EarlyOrdersProperties EARLY_ORDERS = new EarlyOrdersProperties(Duration.ofMillis(100),
            Duration.ofMillis(100), Duration.ofSeconds(2));

    final TestClock clock = new TestClock(NOW);
    final TestTransactions transactions = new TestTransactions();
    final InMemoryAccounts accounts = new InMemoryAccounts();
    final InMemoryLedger ledger = new InMemoryLedger();
    final InMemoryClosedOrders closedOrders = new InMemoryClosedOrders();
    final InMemoryPendingUses pendingUses = new InMemoryPendingUses();
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final Deductions deductions = new Deductions(accounts, ledger, outbox, clock);
    final EarlyOrders earlyOrders = new EarlyOrders(pendingUses, accounts, closedOrders, deductions,
            transactions.template(), EARLY_ORDERS, clock);
    final PointReactions reactions = new PointReactions(accounts, ledger, closedOrders, pendingUses, outbox,
            new FaultInjection(true, Duration.ofSeconds(10), POINT_STALL), deductions, earlyOrders, clock);

    void deliver(ExchangeSucceed event) {
        deliver(event, 1);
    }

    void deliver(ExchangeSucceed event, int attempt) {
        transactions.run(() -> reactions.useOnExchangeSucceed(event, new Delivery(attempt, clock.millis())));
    }

    void deliver(OrderRejected event) {
        transactions.run(() -> reactions.closeOnOrderRejected(event));
    }

    void deliver(ExchangeCompensated event) {
        transactions.run(() -> reactions.refundOnExchangeCompensated(event));
    }

    /** Opens the holder's account as the point service does: the opening's transaction makes waiting orders due. */
    PointAccount openAccount(String userId, String points) {
        PointAccount[] opened = new PointAccount[1];
        transactions.run(() -> {
            opened[0] = accounts.open(userId, points, clock.millis());
            earlyOrders.lookOnAccountOpened(new AccountOpened(opened[0]));
        });
        return opened[0];
    }

    /** One round of the early orders' periodic task. */
    void lookAtEarlyOrders() {
        earlyOrders.runOnce();
    }

    static ExchangeSucceed anExchangeSucceed(long orderId, String userId, String points) {
        return anExchangeSucceed(orderId, userId, 1, points);
    }

    static ExchangeSucceed anExchangeSucceed(long orderId, String userId, long currencyId, String points) {
        return ExchangeSucceed.of(orderId, userId, currencyId, new BigDecimal(points), BigDecimal.ONE,
                new BigDecimal(points));
    }

    static ExchangeCompensated anExchangeCompensated(long orderId, String userId, String points) {
        return ExchangeCompensated.of(orderId, userId, new BigDecimal(points), new BigDecimal(points).signum() > 0);
    }
}
