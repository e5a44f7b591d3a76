package io.deadlinesaga.point.ledger;

import java.math.BigDecimal;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import jakarta.annotation.PreDestroy;

import io.deadlinesaga.messaging.event.ExchangeCompensated;
import io.deadlinesaga.messaging.event.ExchangeSucceed;
import io.deadlinesaga.messaging.event.OrderRejected;
import io.deadlinesaga.messaging.event.PointUseCompensated;
import io.deadlinesaga.messaging.event.PointUseFailed;
import io.deadlinesaga.messaging.event.PointUsed;
import io.deadlinesaga.messaging.faults.Fault;
import io.deadlinesaga.messaging.faults.FaultInjection;
import io.deadlinesaga.messaging.inbox.Delivery;
import io.deadlinesaga.messaging.inbox.OnEvent;
import io.deadlinesaga.messaging.inbox.RetryLater;
import io.deadlinesaga.messaging.outbox.Outbox;
import io.deadlinesaga.messaging.support.AfterCommit;
import io.deadlinesaga.messaging.support.DaemonThreads;
import io.deadlinesaga.point.accounts.AccountOpened;
import io.deadlinesaga.point.accounts.PointAccount;
import io.deadlinesaga.point.accounts.PointAccountRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Saga step 3 and compensation step 2. Each order has at most one deduction and one refund, and once point
 * knows the order is rejected it deducts nothing more for it, so no late or repeated event moves points twice.
 */
@Component
class PointReactions {

    private static final Logger log = LoggerFactory.getLogger(PointReactions.class);

    private final PointAccountRepository accounts;
    private final LedgerRepository ledger;
    private final ClosedOrderRepository closedOrders;
    private final PendingUseRepository pendingUses;
    private final Outbox outbox;
    private final FaultInjection faults;
    private final TransactionTemplate transactions;
    /** the looks after a commit: on a thread of their own, so the committing thread's connection is free first */
    private final ExecutorService secondLooks = Executors.newSingleThreadExecutor(DaemonThreads.named("second-look"));

    PointReactions(PointAccountRepository accounts, LedgerRepository ledger, ClosedOrderRepository closedOrders,
            PendingUseRepository pendingUses, Outbox outbox, FaultInjection faults,
            PlatformTransactionManager transactionManager) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.closedOrders = closedOrders;
        this.pendingUses = pendingUses;
        this.outbox = outbox;
        this.faults = faults;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Saga step 3: deduct the exchanged points from the holder's balance. A holder without an account yet
     * makes the order wait for it (until the deadline decides the order).
     */
    @OnEvent
    void useOnExchangeSucceed(ExchangeSucceed event, Delivery delivery) {
        long orderId = event.orderId();
        if (ledger.existsByOrderIdAndType(orderId, EntryType.DEDUCTION) || pendingUses.existsById(orderId)) {
            log.info("orderId={} ExchangeSucceed ignored: already deducted or waiting", orderId);
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
            pendingUses.save(new PendingUse(orderId, event.userId(), event.point(), System.currentTimeMillis()));
            log.info("orderId={} waits for a point account of {}", orderId, event.userId());
            AfterCommit.run(() -> serveWaitingAfterCommit(event.userId()));
            return;
        }
        use(account, orderId, event.point());
    }

    /** An early order's holder has opened an account: its waiting orders are served now, oldest first. */
    @EventListener
    void useOnAccountOpened(AccountOpened opened) {
        serveWaiting(opened.account().getUserId());
    }

    /**
     * Once more when the opening has committed. An order that began to wait while the account's transaction
     * ran was invisible to it, as the account was to the order (neither sees the other's uncommitted row): of
     * the two looks that follow both commits, this one and the order's own, one sees both rows.
     */
    @TransactionalEventListener
    void useAfterAccountOpened(AccountOpened opened) {
        serveWaitingAfterCommit(opened.account().getUserId());
    }

    /**
     * Looks once more, soon, in a transaction of its own. (A crash before it runs leaves the order waiting;
     * the deadline then rejects it, with nothing deducted.)
     */
    private void serveWaitingAfterCommit(String userId) {
        try {
            secondLooks.execute(() -> {
                try {
                    transactions.executeWithoutResult(status -> serveWaiting(userId));
                }
                catch (RuntimeException ex) {
                    log.warn("orders of {} waiting for an account: second look failed: {}", userId, ex.toString());
                }
            });
        }
        catch (RejectedExecutionException ex) {
            log.info("orders of {} waiting for an account: no second look, the service is stopping", userId);
        }
    }

    @PreDestroy
    void stop() {
        secondLooks.shutdown();
    }

    /** Deducts for each order of the holder that waits for an account, if there is one now; each order once. */
    private void serveWaiting(String userId) {
        PointAccount account = accounts.findForUpdate(userId).orElse(null);
        if (account == null) {
            return;
        }
        for (PendingUse pending : pendingUses.lockAllOf(userId)) {
            if (pendingUses.dropFor(pending.getOrderId()) == 0 || closedOrders.existsById(pending.getOrderId())) {
                continue; // served by another look meanwhile, or rejected: nothing to deduct
            }
            log.info("orderId={} resumed: {} has a point account now", pending.getOrderId(), userId);
            use(account, pending.getOrderId(), pending.getPoint());
        }
    }

    private void use(PointAccount account, long orderId, BigDecimal points) {
        if (account.deduct(points)) {
            ledger.save(new LedgerEntry(orderId, account.getUserId(), EntryType.DEDUCTION, points,
                    account.getPoint(), System.currentTimeMillis()));
            outbox.append(PointUsed.of(orderId, account.getUserId(), points, account.getPoint()));
        }
        else {
            outbox.append(PointUseFailed.of(orderId, account.getUserId(), PointReasons.INSUFFICIENT_POINTS));
        }
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
            log.info("orderId={} ExchangeCompensated ignored: refund already recorded", orderId);
            return;
        }
        LedgerEntry deduction = ledger.findByOrderIdAndType(orderId, EntryType.DEDUCTION).orElse(null);
        String userId = deduction != null ? deduction.getUserId() : event.userId();
        PointAccount account = accounts.findForUpdate(userId).orElse(null);
        BigDecimal refunded = deduction != null ? deduction.getPoint() : BigDecimal.ZERO;
        if (account != null) {
            account.refund(refunded);
        }
        BigDecimal balance = account != null ? account.getPoint() : BigDecimal.ZERO;
        ledger.save(new LedgerEntry(orderId, userId, EntryType.REFUND, refunded, balance, System.currentTimeMillis()));
        outbox.append(PointUseCompensated.of(orderId, userId, refunded, balance));
    }

    private void close(long orderId) {
        pendingUses.dropFor(orderId);
        if (!closedOrders.existsById(orderId)) {
            closedOrders.save(new ClosedOrder(orderId, System.currentTimeMillis()));
        }
    }
}
