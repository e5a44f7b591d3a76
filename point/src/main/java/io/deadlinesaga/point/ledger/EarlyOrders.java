package io.deadlinesaga.point.ledger;

import java.math.BigDecimal;
import java.time.Clock;

import io.deadlinesaga.messaging.support.AfterCommit;
import io.deadlinesaga.messaging.support.PeriodicTask;
import io.deadlinesaga.point.accounts.AccountOpened;
import io.deadlinesaga.point.accounts.PointAccount;
import io.deadlinesaga.point.accounts.PointAccountRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders whose exchange arrived before their holder's point account (seed 000's early payments). Such an order
 * waits as a {@link PendingUse} row, holding nothing, and is looked at again, with a pause that doubles after
 * each look, until the account is there (its points are then deducted) or the order is rejected (point then
 * drops the row). Opening an account makes its holder's waiting orders due at once, in the opening's own
 * transaction. There is this one way back for a waiting order, and its state is in the database: a crash or a
 * failed look at any moment leaves a row that the next look, after any restart, serves.
 */
@Component
class EarlyOrders extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(EarlyOrders.class);
    private static final int HOLDERS_PER_TICK = 100;

    private final PendingUseRepository pendingUses;
    private final PointAccountRepository accounts;
    private final ClosedOrderRepository closedOrders;
    private final Deductions deductions;
    private final TransactionTemplate transactions;
    private final EarlyOrdersProperties settings;
    private final Clock clock;

    EarlyOrders(PendingUseRepository pendingUses, PointAccountRepository accounts, ClosedOrderRepository closedOrders,
            Deductions deductions, TransactionTemplate transactions, EarlyOrdersProperties settings, Clock clock) {
        super("early-orders", settings.tick(), false);
        this.pendingUses = pendingUses;
        this.accounts = accounts;
        this.closedOrders = closedOrders;
        this.deductions = deductions;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** The order waits for its holder's account; needs the handler's transaction. */
    void waitForAccount(long orderId, String userId, BigDecimal points) {
        pendingUses.insert(new PendingUse(orderId, userId, points, clock.millis()));
        log.info("orderId={} waits for a point account of {}", orderId, userId);
        AfterCommit.run(this::runSoon);
    }

    /** In the opening's transaction: the holder's waiting orders are due now, and looked at once it commits. */
    @EventListener
    void lookOnAccountOpened(AccountOpened opened) {
        if (pendingUses.lookNowFor(opened.account().getUserId()) > 0) {
            AfterCommit.run(this::runSoon);
        }
    }

    /**
     * Serves or re-schedules every waiting order that is due, a holder at a time, each in a transaction (a
     * failed look leaves its rows for the next tick).
     */
    @Override
    protected void runOnce() {
        long now = clock.millis();
        for (String userId : pendingUses.findUsersDue(now, HOLDERS_PER_TICK)) {
            transactions.executeWithoutResult(status -> lookAt(userId, now));
        }
    }

    private void lookAt(String userId, long now) {
        PointAccount account = accounts.findForUpdate(userId).orElse(null);
        for (PendingUse pending : pendingUses.lockAllOf(userId)) {
            if (account == null) {
                if (pending.isDue(now)) {
                    pending.lookAgainAfter(now, settings.delayAfter(pending.looks() + 1));
                    pendingUses.update(pending);
                }
                continue;
            }
            pendingUses.delete(pending);
            if (closedOrders.existsById(pending.getOrderId())) {
                continue; // rejected meanwhile: nothing to deduct
            }
            log.info("orderId={} resumed after {} looks: {} has a point account now", pending.getOrderId(),
                    pending.looks(), userId);
            deductions.use(account, pending.getOrderId(), pending.getPoint());
        }
    }

}
