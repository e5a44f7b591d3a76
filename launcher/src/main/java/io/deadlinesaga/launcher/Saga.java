package io.deadlinesaga.launcher;

import java.nio.file.Path;
import java.util.Map;

import io.deadlinesaga.launcher.chaos.ChaosCommand;
import io.deadlinesaga.launcher.commands.BenchCommand;
import io.deadlinesaga.launcher.commands.DownCommand;
import io.deadlinesaga.launcher.commands.EventsCommand;
import io.deadlinesaga.launcher.commands.KafkaConsoleConsumerCommand;
import io.deadlinesaga.launcher.commands.LoadCommand;
import io.deadlinesaga.launcher.commands.LogsCommand;
import io.deadlinesaga.launcher.commands.PartCommands;
import io.deadlinesaga.launcher.commands.StatusCommand;
import io.deadlinesaga.launcher.commands.UpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./saga}: runs the whole choreography saga on this machine, a local Kafka broker and every service, each
 * as a background process, and drives it. The bash script {@code saga} finds Java, builds when needed and hands
 * over to this.
 */
@Command(name = "./saga", usageHelpWidth = 110,
        description = "Runs the choreography saga on this machine: a local Kafka broker (KRaft) and the services "
                + "order, exchange, point, deadline, saga-view and gateway, each a background process. Everything "
                + "it makes lives in the data folder (logs, pids, Kafka storage, databases).",
        subcommands = {UpCommand.class, DownCommand.class, DownCommand.Clean.class, StatusCommand.class,
                PartCommands.Start.class, PartCommands.Stop.class, PartCommands.Restart.class, PartCommands.Kill.class,
                LogsCommand.class,
                KafkaConsoleConsumerCommand.class, EventsCommand.class, LoadCommand.class, ChaosCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Saga implements Runnable {

    /** Exit status of a command that could not do its work. */
    public static final int FAILED = 1;

    private final Console console;

    private Saga(Console console) {
        this.console = console;
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("saga.root", ".")).toAbsolutePath().normalize();
        Console console = new Console(System.out, System.err, System.console() != null);
        System.exit(run(root, System.getenv(), console, args));
    }

    static int run(Path root, Map<String, String> environment, Console console, String... args) {
        Context context = new Context(root, environment, console);
        CommandLine commandLine = new CommandLine(new Saga(console), new CommandFactory(context))
                .setOut(new java.io.PrintWriter(console.out(), true))
                .setErr(new java.io.PrintWriter(console.err(), true))
                .setExecutionExceptionHandler((ex, line, parsed) -> {
                    if (ex instanceof SagaException) {
                        console.warn(ex.getMessage());
                        return FAILED;
                    }
                    throw ex;
                });
        commandLine.getCommandSpec().usageMessage().footer(HelpFooter.lines());
        return commandLine.execute(args.length == 0 ? new String[] {"help"} : args);
    }

    /** Without a command: the help. */
    @Override
    public void run() {
        new CommandLine(this).usage(console.out());
    }
}
