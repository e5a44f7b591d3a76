package io.deadlinesaga.launcher.chaos;

import java.util.List;

import io.deadlinesaga.launcher.Part;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TallyTest {

    @Test
    void summarisesKillsPerServiceStartsAndBrokerRestarts() {
        // given
        Tally tally = new Tally(List.of(Part.ORDER, Part.EXCHANGE, Part.GATEWAY));
        tally.killed(Part.ORDER);
        tally.killed(Part.ORDER);
        tally.killed(Part.GATEWAY);
        tally.startedAgain();
        tally.startedAgain();
        tally.kafkaRestarted();

        // when
        String summary = tally.summary();

        // then
        assertThat(summary).isEqualTo("chaos: 3 SIGKILLs (order 2, exchange 0, gateway 1), 2 services started again, "
                + "Kafka restarted 1 time(s)");
    }
}
