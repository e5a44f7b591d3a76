package io.deadlinesaga.launcher.commands;

import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.Context;
import io.deadlinesaga.launcher.Setup;
import io.deadlinesaga.launcher.running.Supervisor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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

    @Mixin
    LayoutOptions layout;

    /** Starts, in this order, what does not run: the database server, Kafka, the services. */
    public static void bringUp(Context context) {
        Supervisor supervisor = context.supervisor();
        supervisor.startDatabase();
        supervisor.startKafka();
        supervisor.startServices(context.setup().serviceInstances(), context.justBuilt());
    }

    @Override
    public void run() {
        layout.choose(context);
        bringUp(context);
        StatusCommand.printTable(context.setup(), context.supervisor(), context.console());
        Setup setup = context.setup();
        context.console().say("""

                Try:
                  http :%d/points userId=jjy point=10000
                  ./saga kafka-console-consumer --from-beginning --formatter-property print.key=true
                Also: ./saga status, ./saga logs <part> [-f], ./saga down   (./saga help for more)"""
                .formatted(setup.port(Part.GATEWAY)));
    }
}
