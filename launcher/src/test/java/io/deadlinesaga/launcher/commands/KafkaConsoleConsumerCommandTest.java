package io.deadlinesaga.launcher.commands;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaConsoleConsumerCommandTest {

    @Test
    void addsTheSagasBrokerAndTopicUnlessGiven() {
        // when
        List<String> args = KafkaConsoleConsumerCommand.withDefaults(List.of("--from-beginning"), "127.0.0.1:9092");

        // then
        assertThat(args).containsExactly("--bootstrap-server", "127.0.0.1:9092", "--topic", "choreography.deadline",
                "--from-beginning");
    }

    @Test
    void keepsTheUsersBrokerAndTopic() {
        // when
        List<String> args = KafkaConsoleConsumerCommand.withDefaults(
                List.of("--bootstrap-server=other:9092", "--include", "choreography.*"), "127.0.0.1:9092");

        // then
        assertThat(args).containsExactly("--bootstrap-server=other:9092", "--include", "choreography.*");
    }
}
