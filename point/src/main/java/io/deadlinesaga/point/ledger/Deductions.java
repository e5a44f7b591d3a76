package io.deadlinesaga.point.ledger;

import java.math.BigDecimal;
import java.time.Clock;

import io.deadlinesaga.messaging.event.PointUseFailed;
import io.deadlinesaga.messaging.event.PointUsed;
import io.deadlinesaga.messaging.outbox.Outbox;
import io.deadlinesaga.point.accounts.PointAccount;
import io.deadlinesaga.point.accounts.PointAccountRepository;

import org.springframework.stereotype.Component;

/** Saga step 3 itself: deduct an order's points from a locked account, or refuse for want of points. */
@Component
class Deductions {

    private final PointAccountRepository accounts;
    private final LedgerRepository ledger;
    private final Outbox outbox;
    private final Clock clock;

    Deductions(PointAccountRepository accounts, LedgerRepository ledger, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
    }

    void use(PointAccount account, long orderId, BigDecimal points) {
        if (account.deduct(points)) {
            accounts.update(account);
            ledger.insert(new LedgerEntry(orderId, account.getUserId(), EntryType.DEDUCTION, points,
                    account.getPoint(), clock.millis()));
            outbox.append(PointUsed.of(orderId, account.getUserId(), points, account.getPoint()));
        }
        else {
            outbox.append(PointUseFailed.of(orderId, account.getUserId(), PointReasons.INSUFFICIENT_POINTS));
        }
    }
}
