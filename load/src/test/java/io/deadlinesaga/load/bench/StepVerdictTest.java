package io.deadlinesaga.load.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StepVerdictTest {

    @Test
    void passesWhenEverythingIsDecidedAtTheRateItWasSent() {
        assertThat(StepVerdict.of(0, true, 94.0, 93.7)).isEqualTo(new StepVerdict(true, null));
        assertThat(StepVerdict.of(0, true, 100.0, 95.0)).isEqualTo(new StepVerdict(true, null));
    }

    @Test
    void failsOnAViolation() {
        assertThat(StepVerdict.of(1, true, 100, 100)).isEqualTo(new StepVerdict(false, "1 violation"));
        assertThat(StepVerdict.of(3, true, 100, 100)).isEqualTo(new StepVerdict(false, "3 violations"));
    }

    @Test
    void failsWhenOrdersWereNotSettledInTime() {
        assertThat(StepVerdict.of(0, false, 100, 100))
                .isEqualTo(new StepVerdict(false, "orders not settled within the timeout"));
    }

    @Test
    void failsWhenDecisionsFallBehindTheSending() {
        assertThat(StepVerdict.of(0, true, 400.0, 379.9))
                .isEqualTo(new StepVerdict(false, "decided 379.9/s, below 95 % of the 400.0/s sent"));
    }

    @Test
    void saysEveryReason() {
        assertThat(StepVerdict.of(2, false, 800, 200).failure())
                .isEqualTo("2 violations; orders not settled within the timeout; decided 200.0/s, below 95 % of the "
                        + "800.0/s sent");
    }
}
