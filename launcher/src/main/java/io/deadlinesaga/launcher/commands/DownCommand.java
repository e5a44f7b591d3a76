package io.deadlinesaga.launcher.commands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.deadlinesaga.launcher.Context;
import io.deadlinesaga.launcher.Setup;
import io.deadlinesaga.launcher.running.Folders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./saga down [--clean]}. */
@Command(name = "down", description = "Stop every service, then the local Kafka.")
public final class DownCommand implements Runnable {

    final Context context;

    DownCommand(Context context) {
        this.context = context;
    }

    @Option(names = "--clean", description = "also delete the data folder's databases (and PostgreSQL cluster), Kafka storage, logs and pids")
    boolean clean;

    @Override
    public void run() {
        down(context, clean);
    }

    static void down(Context context, boolean clean) {
        context.supervisor().stopAll();
        if (clean) {
            Setup setup = context.setup();
            context.console().say("Deleting " + setup.shown(setup.dataDir()) + "/ (databases, PostgreSQL cluster, Kafka storage, logs)");
            // only what ./saga and the services put there: SAGA_DATA_DIR may name a folder that holds more
            for (Path made : List.of(setup.dataDir().resolve("db"), setup.dataDir().resolve("postgres"), setup.kafkaDir(),
                    setup.logDir(), setup.runDir())) {
                Folders.deleteRecursively(made);
            }
            try (Stream<Path> left = Files.exists(setup.dataDir()) ? Files.list(setup.dataDir()) : Stream.empty()) {
                if (Files.exists(setup.dataDir()) && left.findAny().isEmpty()) {
                    Files.delete(setup.dataDir());
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /** {@code ./saga clean}: the same as {@code down --clean}. */
    @Command(name = "clean", description = "The same as down --clean.")
    public static final class Clean implements Runnable {

        private final Context context;

        Clean(Context context) {
            this.context = context;
        }

        @Override
        public void run() {
            down(context, true);
        }
    }
}
