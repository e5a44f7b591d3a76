package io.deadlinesaga.launcher.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.deadlinesaga.launcher.Instance;
import io.deadlinesaga.launcher.Context;
import io.deadlinesaga.launcher.SagaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./saga logs <part> [-f]}. */
@Command(name = "logs", description = "The last 200 lines of a part's log, or follow it with -f.")
public final class LogsCommand implements Callable<Integer> {

    final Context context;

    LogsCommand(Context context) {
        this.context = context;
    }

    @Parameters(paramLabel = "<part>", description = "kafka, postgres, a service, or one instance: order-2 …")
    String name;

    @Option(names = {"-f", "--follow"}, description = "keep printing what is written to it, until interrupted")
    boolean follow;

    @Override
    public Integer call() {
        List<Instance> named = context.setup().named(name);
        if (named.size() != 1) {
            throw new SagaException(named.isEmpty() ? "unknown part '" + name + "' (one of: " + context.setup().names() + ")"
                    : name + " runs as " + named.size() + " instances; name one: " + String.join(" ",
                            named.stream().map(Instance::name).toList()));
        }
        Path log = context.setup().log(named.get(0));
        if (!Files.isRegularFile(log)) {
            throw new SagaException("no log yet: " + context.setup().shown(log));
        }
        return Foreground.run(follow ? List.of("tail", "-n", "200", "-f", log.toString())
                : List.of("tail", "-n", "200", log.toString()));
    }
}
