package io.deadlinesaga.launcher.commands;

import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.Context;
import io.deadlinesaga.launcher.Setup;
import io.deadlinesaga.launcher.running.Supervisor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./saga up}: the whole system, ready to take requests. */
@Command(name = "up", description = "Start Kafka and every service that is not running, and wait until they are "
        + "healthy (building first if a jar is missing or older than its sources).")
public final class UpCommand implements Runnable {

    final Context context;

    UpCommand(Context context) {
        this.context = context;
    }

    @Mixin
    BuildOptions build;

    @Option(names = "--db", paramLabel = "h2|postgres", converter = DatabaseConverter.class, description = "where "
            + "order, exchange, point and deadline keep their state: H2 files in the data folder, or a local "
            + "PostgreSQL server started in it (remembered for the commands after; [the last one chosen, h2 at first])")
    Setup.Database database;

    @Override
    public void run() {
        if (database != null) {
            context.useDatabase(database);
        }
        Supervisor supervisor = context.supervisor();
        supervisor.startDatabase();
        supervisor.startKafka();
        supervisor.startServices(Part.services(), context.justBuilt());
        StatusCommand.printTable(context.setup(), supervisor, context.console());
        Setup setup = context.setup();
        context.console().say("""

                Try:
                  http :%d/points userId=jjy point=10000
                  ./saga kafka-console-consumer --from-beginning --formatter-property print.key=true
                Also: ./saga status, ./saga logs <part> [-f], ./saga down   (./saga help for more)"""
                .formatted(setup.port(Part.GATEWAY)));
    }
}
