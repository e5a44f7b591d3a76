package io.deadlinesaga.launcher.commands;

import java.util.List;

import io.deadlinesaga.launcher.Context;
import io.deadlinesaga.launcher.Instance;
import io.deadlinesaga.launcher.SagaException;
import io.deadlinesaga.launcher.Setup;
import io.deadlinesaga.launcher.running.LocalBroker;
import io.deadlinesaga.launcher.running.Supervisor;
import picocli.CommandLine.Option;

/** How the system runs: its database, how many instances of each service, how many Kafka nodes (up, chaos). */
public final class LayoutOptions {

    @Option(names = "--db", paramLabel = "h2|postgres", converter = DatabaseConverter.class, description = "where "
            + "order, exchange, point and deadline keep their state: H2 files in the data folder, or a local "
            + "PostgreSQL server started in it (remembered for the commands after; [the last one chosen, h2 at first])")
    Setup.Database database;

    @Option(names = "--instances", paramLabel = "N", description = "instances of each of order, exchange, point and "
            + "deadline, 1 to 6 (the topic's partitions); above 1 needs --db postgres (remembered; [the last one "
            + "chosen, 1 at first, and 1 when --db h2 is given alone])")
    Integer instances;

    @Option(names = "--brokers", paramLabel = "1|3", description = "nodes of the local Kafka: 1, or a cluster of 3 "
            + "where each topic is on every node and any one node may die (remembered; [the last one chosen, 1 at "
            + "first])")
    Integer brokers;

    public boolean anyGiven() {
        return database != null || instances != null || brokers != null;
    }

    /**
     * Makes the context run with the database and numbers given, else those this data folder ran with last (one
     * instance when only {@code --db h2} is given), and remembers them. A running system keeps its own: another
     * choice is refused until it is down.
     */
    public void choose(Context context) {
        Setup current = context.setup();
        Setup.Database chosenDatabase = database != null ? database : current.database();
        int chosenInstances = instances != null ? instances
                : chosenDatabase == Setup.Database.H2 ? 1 : current.instanceCount();
        int chosenBrokers = brokers != null ? brokers : current.brokerCount();
        if (brokers != null && brokers > 1 && current.externalKafka().isPresent()) {
            throw new SagaException("--brokers is for the local Kafka, and KAFKA_BOOTSTRAP_SERVERS is set");
        }
        boolean changed = chosenDatabase != current.database() || chosenInstances != current.instanceCount()
                || chosenBrokers != current.brokerCount();
        if (changed) {
            Supervisor supervisor = context.supervisor();
            List<String> running = current.instances().stream()
                    .filter(instance -> supervisor.running(instance).isPresent()).map(Instance::name).toList();
            if (!running.isEmpty()) {
                throw new SagaException("the system runs with --db " + current.database().label() + " --instances "
                        + current.instanceCount() + " --brokers " + current.brokerCount() + " (" + String.join(" ", running)
                        + " running); ./saga down first");
            }
        }
        if (current.externalKafka().isEmpty()) {
            LocalBroker.checkStorageFits(current, chosenBrokers);
        }
        context.useLayout(chosenDatabase, chosenInstances, chosenBrokers);
    }
}
