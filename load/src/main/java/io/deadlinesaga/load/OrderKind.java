package io.deadlinesaga.load;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of order a load mixes, each with the outcome it must have (README: fault injection). */
enum OrderKind {

    /** a holder with enough points: approved */
    ORDINARY("ordinary", 0, Outcome.APPROVAL, Pace.PROMPT),
    /** more points than the holder ever had: rejected by point */
    OVER_LIMIT("over-limit", 0, Outcome.rejection("POINT_LIMIT"), Pace.PROMPT),
    /** fault 100: exchange's step outlasts the deadline */
    SLOW_EXCHANGE("100", 100, Outcome.rejection("DEADLINE"), Pace.BY_DEADLINE),
    /** fault 200: exchange stalls after checking the order is open */
    STALLED_EXCHANGE("200", 200, Outcome.rejection("DEADLINE"), Pace.BY_DEADLINE),
    /** fault 300: exchange fails for good */
    FAILING_EXCHANGE("300", 300, Outcome.rejection("EXCHANGE_ERROR"), Pace.PROMPT),
    /** fault 400: exchange fails twice, then succeeds */
    FLAKY_EXCHANGE("400", 400, Outcome.APPROVAL, Pace.PROMPT),
    /** fault 500: point's step outlasts the deadline */
    SLOW_POINT("500", 500, Outcome.rejection("DEADLINE"), Pace.BY_DEADLINE),
    /** the holder opens a point account a moment after the order: the order waits for it and is approved */
    EARLY("early", 0, Outcome.APPROVAL, Pace.EARLY);

    /** How soon an order of a kind is decided, to keep the latency figures of unlike orders apart. */
    enum Pace {
        /** as fast as the services go */
        PROMPT,
        /** after the holder's account is opened */
        EARLY,
        /** at the deadline, by design */
        BY_DEADLINE;

        String kinds() {
            return Arrays.stream(OrderKind.values()).filter(kind -> kind.pace == this).map(OrderKind::label)
                    .collect(Collectors.joining(", "));
        }
    }

    private final String label;
    private final long faultCurrency;
    private final Outcome expected;
    private final Pace pace;

    OrderKind(String label, long faultCurrency, Outcome expected, Pace pace) {
        this.label = label;
        this.faultCurrency = faultCurrency;
        this.expected = expected;
        this.pace = pace;
    }

    /** The name in {@code --mix} and in reports. */
    String label() {
        return label;
    }

    /** The currency that injects this kind's fault, or 0 for an ordinary currency. */
    long faultCurrency() {
        return faultCurrency;
    }

    Outcome expected() {
        return expected;
    }

    /**
     * Whether, with a part down, an order of this kind may fairly end as {@code actual} instead: any order may be
     * rejected by the deadline while a step it waits for is down; a stalled order (200, 500) is approved when
     * its step finishes and no deadline fired meanwhile, because the deadline service was down then.
     */
    boolean mayEndAsWhilePartsAreDown(Outcome actual) {
        return actual.isRejectionBy("DEADLINE")
                || (this == STALLED_EXCHANGE || this == SLOW_POINT) && Outcome.APPROVED.equals(actual.status());
    }

    Pace pace() {
        return pace;
    }

    static Optional<OrderKind> ofLabel(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label.equalsIgnoreCase(label)).findFirst();
    }

    static String labels() {
        return Arrays.stream(values()).map(OrderKind::label).collect(Collectors.joining(", "));
    }
}
