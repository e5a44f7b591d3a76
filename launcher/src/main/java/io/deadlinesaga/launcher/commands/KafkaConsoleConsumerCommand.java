package io.deadlinesaga.launcher.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.deadlinesaga.contract.Wire;
import io.deadlinesaga.launcher.Context;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** Kafka's own console consumer, on this copy's broker and the saga's topic unless told otherwise. */
@Command(name = "kafka-console-consumer", description = {"Kafka's console consumer, by default on the saga's topic "
        + "and broker; every flag goes to it, e.g.",
        "  ./saga kafka-console-consumer --from-beginning --formatter-property print.key=true"})
public final class KafkaConsoleConsumerCommand implements Callable<Integer> {

    final Context context;

    KafkaConsoleConsumerCommand(Context context) {
        this.context = context;
    }

    @Unmatched
    List<String> flags = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> args = withDefaults(flags, context.setup().bootstrapServers());
        return Foreground.run(context.supervisor().broker().tool("org.apache.kafka.tools.consumer.ConsoleConsumer", args));
    }

    /** The flags, with {@code --bootstrap-server} and {@code --topic} added unless given. */
    static List<String> withDefaults(List<String> flags, String bootstrapServers) {
        List<String> args = new ArrayList<>();
        if (flags.stream().noneMatch(flag -> flag.startsWith("--bootstrap-server"))) {
            args.addAll(List.of("--bootstrap-server", bootstrapServers));
        }
        if (flags.stream().noneMatch(flag -> flag.startsWith("--topic") || flag.startsWith("--include"))) {
            args.addAll(List.of("--topic", Wire.TOPIC));
        }
        args.addAll(flags);
        return args;
    }
}
