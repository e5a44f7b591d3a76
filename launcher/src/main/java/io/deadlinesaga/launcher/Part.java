package io.deadlinesaga.launcher;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The parts {@code ./saga} runs: the local Kafka broker and the services, each with the environment variable
 * that moves its port and the port it has by default. The services read the same variables themselves
 * ({@code server.port: ${ORDER_PORT:8081}} …), so every part agrees on one run's ports.
 */
public enum Part {
    KAFKA("kafka", "SAGA_KAFKA_PORT", 9092),
    /** the local PostgreSQL server, when the services' databases are there ({@code ./saga up --db postgres}) */
    POSTGRES("postgres", "SAGA_POSTGRES_PORT", 5432),
    ORDER("order", "ORDER_PORT", 8081),
    EXCHANGE("exchange", "EXCHANGE_PORT", 8082),
    POINT("point", "POINT_PORT", 8083),
    DEADLINE("deadline", "DEADLINE_PORT", 8084),
    SAGA_VIEW("saga-view", "SAGA_VIEW_PORT", 8085),
    GATEWAY("gateway", "GATEWAY_PORT", 8088);

    private final String partName;
    private final String portVariable;
    private final int defaultPort;

    Part(String partName, String portVariable, int defaultPort) {
        this.partName = partName;
        this.portVariable = portVariable;
        this.defaultPort = defaultPort;
    }

    /** The name on the command line, in file names and in the output. */
    public String partName() {
        return partName;
    }

    public String portVariable() {
        return portVariable;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public boolean isService() {
        return this != KAFKA && this != POSTGRES;
    }

    /** A service whose database is the one {@code --db} chooses (the saga view keeps its store in H2). */
    public boolean hasChosenDatabase() {
        return isService() && this != SAGA_VIEW && this != GATEWAY;
    }

    /** A service that may run as several instances ({@code --instances}): the ones on a shared database. */
    public boolean scalesOut() {
        return hasChosenDatabase();
    }

    /**
     * The gateway (new requests) and the saga view (a read model) are on no order's path: they yield the CPU,
     * so that on a saturated machine the orders already placed, whose deadlines run, go first.
     */
    public boolean yieldsTheCpu() {
        return this == GATEWAY || this == SAGA_VIEW;
    }

    /** The saga's own services, whose death the saga must survive: chaos kills these (the view only watches). */
    public boolean isOnTheOrdersPath() {
        return isService() && this != SAGA_VIEW;
    }

    public static List<Part> services() {
        return Arrays.stream(values()).filter(Part::isService).toList();
    }

    public static Optional<Part> named(String name) {
        return Arrays.stream(values()).filter(part -> part.partName.equals(name)).findFirst();
    }

    /** The names, for a message: {@code kafka order exchange …}. */
    public static String names() {
        return String.join(" ", Arrays.stream(values()).map(Part::partName).toList());
    }

    @Override
    public String toString() {
        return partName;
    }
}
