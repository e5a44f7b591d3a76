package io.deadlinesaga.launcher;

import java.util.ArrayList;
import java.util.List;

/** The end of {@code ./saga help}: the parts with their ports, and the environment that moves them. */
final class HelpFooter {

    private HelpFooter() {
    }

    static String[] lines() {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Parts (port variable [default port]):");
        for (Part part : Part.values()) {
            lines.add(String.format("  %-10s %s [%d]", part, part.portVariable(), part.defaultPort()));
        }
        lines.add(String.format("  %-10s %s [9093], the local broker's controller", "", Setup.CONTROLLER_PORT_VARIABLE));
        lines.add("With --instances N, instance k of order, exchange, point and deadline (order-2 …) listens on its part's");
        lines.add("port + 10 x (k - 1); with --brokers 3, node k (kafka-1 … kafka-3) on the Kafka and controller ports");
        lines.add("+ 2 x (k - 1).");
        lines.add("");
        lines.add("Environment:");
        lines.add("  KAFKA_BOOTSTRAP_SERVERS  use this Kafka instead of starting a local one");
        lines.add("  SAGA_DATA_DIR            the data folder [data/ in the repository]");
        lines.add("  JAVA_HOME                the JDK (17 or newer) to use; otherwise java from PATH");
        lines.add("  SAGA_JAVA_OPTS           JVM flags of the services, by default:");
        lines.add("                             " + Setup.JvmFlags.SERVICES);
        lines.add("  SAGA_CLASS_DATA          on: each service starts with a class-data archive of its build,");
        lines.add("                           written by one training start per build; off: no archive, no");
        lines.add("                           training [on]");
        lines.add("  SAGA_KAFKA_JAVA_OPTS     JVM flags of the broker, by default:");
        lines.add("                             " + Setup.JvmFlags.KAFKA);
        lines.add("  SAGA_LOAD_JAVA_OPTS      JVM flags of the launcher when it runs load, chaos or bench");
        lines.add("  SAGA_YIELD_NICE          nice level of the gateway and the saga view [19]");
        lines.add("  SAGA_START_TIMEOUT       seconds to wait for the services to be healthy [120]");
        lines.add("  SAGA_KAFKA_START_TIMEOUT seconds to wait for the local broker [60]");
        lines.add("A second copy beside the first needs its own SAGA_DATA_DIR and ports, for every command.");
        return lines.toArray(String[]::new);
    }
}
