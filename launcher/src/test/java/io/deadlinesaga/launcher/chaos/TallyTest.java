package io.deadlinesaga.launcher.chaos;

import java.util.List;

import io.deadlinesaga.launcher.Instance;
import io.deadlinesaga.launcher.Part;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TallyTest {

    @Test
    void summarisesKillsPerServiceStartsAndBrokerRestarts() {
        // given
        Tally tally = new Tally(List.of(Instance.only(Part.ORDER), Instance.only(Part.EXCHANGE), Instance.only(Part.GATEWAY)));
        tally.killed(Instance.only(Part.ORDER));
        tally.killed(Instance.only(Part.ORDER));
        tally.killed(Instance.only(Part.GATEWAY));
        tally.startedAgain();
        tally.startedAgain();
        tally.kafkaRestarted();

        // when
        String summary = tally.summary();

        // then
        assertThat(summary).isEqualTo("chaos: 3 SIGKILLs (order 2, exchange 0, gateway 1), 2 parts started again, "
                + "Kafka restarted 1 time(s)");
    }
}
