package io.deadlinesaga.launcher.commands;

import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.Saga;
import io.deadlinesaga.launcher.Setup;
import io.deadlinesaga.launcher.running.Supervisor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code ./saga up}: the whole system, ready to take requests. */
@Command(name = "up", description = "Start Kafka and every service that is not running, and wait until they are "
        + "healthy (building first if a jar is missing or older than its sources).")
public final class UpCommand implements Runnable {

    @ParentCommand
    Saga saga;

    @Mixin
    BuildOptions build;

    @Override
    public void run() {
        Supervisor supervisor = saga.supervisor();
        supervisor.startKafka();
        supervisor.startServices(Part.services(), saga.justBuilt());
        StatusCommand.printTable(saga.setup(), supervisor, saga.console());
        Setup setup = saga.setup();
        saga.console().say("""

                Try:
                  http :%d/points userId=jjy point=10000
                  ./saga kafka-console-consumer --from-beginning --formatter-property print.key=true
                Also: ./saga status, ./saga logs <part> [-f], ./saga down   (./saga help for more)"""
                .formatted(setup.port(Part.GATEWAY)));
    }
}
