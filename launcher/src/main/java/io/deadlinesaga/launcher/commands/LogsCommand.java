package io.deadlinesaga.launcher.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.deadlinesaga.launcher.Part;
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

    @Parameters(paramLabel = "<part>", converter = PartConverter.class, description = "kafka or a service")
    Part part;

    @Option(names = {"-f", "--follow"}, description = "keep printing what is written to it, until interrupted")
    boolean follow;

    @Override
    public Integer call() {
        Path log = context.setup().log(part);
        if (!Files.isRegularFile(log)) {
            throw new SagaException("no log yet: " + context.setup().shown(log));
        }
        return Foreground.run(follow ? List.of("tail", "-n", "200", "-f", log.toString())
                : List.of("tail", "-n", "200", log.toString()));
    }
}
