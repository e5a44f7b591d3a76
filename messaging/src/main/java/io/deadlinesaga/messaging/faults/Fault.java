package io.deadlinesaga.messaging.faults;

import java.util.Arrays;
import java.util.Optional;

/** The faults a user can inject by ordering in a special currency (DESIGN §7). */
public enum Fault {
    /** exchange's step takes longer than the deadline, then finds the order expired and drops it */
    SLOW_EXCHANGE(100),
    /** exchange checks that the order is open, then stalls past the deadline, then exchanges anyway */
    STALLED_EXCHANGE(200),
    /** exchange fails for good */
    FAILING_EXCHANGE(300),
    /** exchange fails twice, then succeeds */
    FLAKY_EXCHANGE(400),
    /** point's step takes longer than the deadline */
    SLOW_POINT(500);

    private final long currencyId;

    Fault(long currencyId) {
        this.currencyId = currencyId;
    }

    public long currencyId() {
        return currencyId;
    }

    public static Optional<Fault> ofCurrency(long currencyId) {
        return Arrays.stream(values()).filter(fault -> fault.currencyId == currencyId).findFirst();
    }
}
