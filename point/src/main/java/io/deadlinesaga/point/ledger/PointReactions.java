package io.deadlinesaga.point.ledger;

import java.math.BigDecimal;
import java.time.Clock;

import io.deadlinesaga.messaging.event.ExchangeCompensated;
import io.deadlinesaga.messaging.event.ExchangeSucceed;
import io.deadlinesaga.messaging.event.OrderRejected;
import io.deadlinesaga.messaging.event.PointUseCompensated;
import io.deadlinesaga.messaging.event.PointUseFailed;
import io.deadlinesaga.messaging.faults.Fault;
import io.deadlinesaga.messaging.faults.FaultInjection;
import io.deadlinesaga.messaging.inbox.Delivery;
import io.deadlinesaga.messaging.inbox.OnEvent;
import io.deadlinesaga.messaging.inbox.RetryLater;
import io.deadlinesaga.messaging.outbox.Outbox;
import io.deadlinesaga.messaging.support.ThrottledLog;
import io.deadlinesaga.point.accounts.PointAccount;
import io.deadlinesaga.point.accounts.PointAccountRepository;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Saga step 3 and compensation step 2. Each order has at most one deduction and one refund, and once point
 * knows the order is rejected it deducts nothing more for it, so no late or repeated event moves points twice.
 */
@Component
class PointReactions {

    private final ThrottledLog ignored = new ThrottledLog(LoggerFactory.getLogger(PointReactions.class));

    private final PointAccountRepository accounts;
    private final LedgerRepository ledger;
    private final ClosedOrderRepository closedOrders;
    private final PendingUseRepository pendingUses;
    private final Outbox outbox;
    private final FaultInjection faults;
    private final Deductions deductions;
    private final EarlyOrders earlyOrders;
    private final Clock clock;

    PointReactions(PointAccountRepository accounts, LedgerRepository ledger, ClosedOrderRepository closedOrders,
            PendingUseRepository pendingUses, Outbox outbox, FaultInjection faults, Deductions deductions,
            EarlyOrders earlyOrders, Clock clock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.closedOrders = closedOrders;
        this.pendingUses = pendingUses;
        this.outbox = outbox;
        this.faults = faults;
        this.deductions = deductions;
        this.earlyOrders = earlyOrders;
        this.clock = clock;
    }

    /**
     * Saga step 3: deduct the exchanged points from the holder's balance. A holder without an account yet
     * makes the order wait for it ({@link EarlyOrders}, until the deadline decides the order).
     */
    @OnEvent
    void useOnExchangeSucceed(ExchangeSucceed event, Delivery delivery) {
        long orderId = event.orderId();
        if (ledger.existsByOrderIdAndType(orderId, EntryType.DEDUCTION) || pendingUses.existsById(orderId)) {
            ignored.info("ExchangeSucceed again", "orderId={} ExchangeSucceed ignored: already deducted or waiting",
                    orderId);
            return;
        }
        if (closedOrders.existsById(orderId)) {
            outbox.append(PointUseFailed.of(orderId, event.userId(), PointReasons.ORDER_CLOSED));
            return;
        }
        if (faults.injects(Fault.SLOW_POINT, event.currencyId()) && delivery.isFirstAttempt()) {
            throw new RetryLater(faults.pointStall(), "fault 500: the point step takes longer than the deadline");
        }
        PointAccount account = accounts.findForUpdate(event.userId()).orElse(null);
        if (account == null) {
            earlyOrders.waitForAccount(orderId, event.userId(), event.point());
            return;
        }
        deductions.use(account, orderId, event.point());
    }

    /** The order is rejected: from now on nothing is deducted for it (the refund waits for exchange's turn). */
    @OnEvent
    void closeOnOrderRejected(OrderRejected event) {
        close(event.orderId());
    }

    /** Compensation step 2: refund what was deducted for the order, or record that nothing was. */
    @OnEvent
    void refundOnExchangeCompensated(ExchangeCompensated event) {
        long orderId = event.orderId();
        close(orderId);
        if (ledger.existsByOrderIdAndType(orderId, EntryType.REFUND)) {
            ignored.info("ExchangeCompensated again", "orderId={} ExchangeCompensated ignored: refund already recorded",
                    orderId);
            return;
        }
        LedgerEntry deduction = ledger.findByOrderIdAndType(orderId, EntryType.DEDUCTION).orElse(null);
        String userId = deduction != null ? deduction.getUserId() : event.userId();
        PointAccount account = accounts.findForUpdate(userId).orElse(null);
        BigDecimal refunded = deduction != null ? deduction.getPoint() : BigDecimal.ZERO;
        if (account != null) {
            account.refund(refunded);
            accounts.update(account);
        }
        BigDecimal balance = account != null ? account.getPoint() : BigDecimal.ZERO;
        ledger.insert(new LedgerEntry(orderId, userId, EntryType.REFUND, refunded, balance, clock.millis()));
        outbox.append(PointUseCompensated.of(orderId, userId, refunded, balance));
    }

    private void close(long orderId) {
        pendingUses.dropFor(orderId);
        if (!closedOrders.existsById(orderId)) {
            closedOrders.insert(new ClosedOrder(orderId, clock.millis()));
        }
    }
}
