package io.deadlinesaga.load;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.deadlinesaga.contract.Wire;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line of {@code ./saga load}: each option as the user types it, read by picocli (which also makes the
 * help from these declarations), then checked and turned into {@link LoadOptions} with a message for the user on
 * each mistake.
 */
@Command(name = "load", usageHelpWidth = 110,
        description = {"Opens point accounts and places orders through the gateway at a fixed rate, shows progress "
                + "every second, waits until every order is decided and every rejected order compensated, then "
                + "checks the invariants I1-I6 across every service and the topic, and the outcome each kind of "
                + "order must have.",
                "Kinds of order: ordinary, 400: APPROVED; over-limit: REJECTED (POINT_LIMIT); 100, 200, 500: "
                        + "REJECTED (DEADLINE); 300: REJECTED (EXCHANGE_ERROR); early: the holder opens an account "
                        + "just after the order: APPROVED."},
        footer = {"", "Prints orders/s, decision latency p50/p95/p99, deadline lateness p50/p99, one line per "
                + "violation and last \"violations: N\". Exit status: 0 all decided as expected, no violation; 1 a "
                + "violation or an order not decided in time; 2 bad options; 3 the gateway or Kafka cannot be "
                + "reached."})
public class LoadArguments {

    private static final int MAX_ORDERS = 1_000_000;
    private static final BigDecimal MAX_POINTS = new BigDecimal("100000000");

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    boolean help;

    @Option(names = "--orders", paramLabel = "N", description = "orders to place [200]")
    String orders = "200";

    @Option(names = "--rate", paramLabel = "R", description = "orders per second, kept whatever the answers (open "
            + "loop) [20]")
    String rate = "20";

    @Option(names = "--users", paramLabel = "U", description = "accounts the orders are spread over [50]")
    String users = "50";

    @Option(names = "--mix", paramLabel = "KIND=W,...", description = "weights of the kinds of order "
            + "[${DEFAULT-VALUE}]")
    String mix = OrderMix.DEFAULT.toString();

    @Option(names = "--early-delay", paramLabel = "MS", description = "how long after an early order its account is "
            + "opened [1000]")
    String earlyDelay = "1000";

    @Option(names = "--points", paramLabel = "P", description = "opening points of every account [1000000]")
    String points = "1000000";

    @Option(names = "--timeout", paramLabel = "S", description = "seconds to wait, after the last order is sent, for "
            + "every decision and compensation [60, with --chaos 180]")
    String timeout;

    @Option(names = "--chaos", description = "parts go down meanwhile (./saga chaos): decisions later than deadline + "
            + "1 s and rejections by the deadline are counted, not violations")
    boolean chaos;

    @Option(names = "--warmup", paramLabel = "N", description = "orders of the same mix placed first, at up to 30/s "
            + "and those decided by the deadline first, so that every step's code, compensations too, is compiled "
            + "before the measured run; not counted, not checked [600; 0: none]")
    String warmup = "600";

    @Option(names = "--seed", paramLabel = "N", description = "seed of the random plan, to repeat a run [random, "
            + "printed]")
    String seed;

    @Option(names = "--gateway", paramLabel = "URL", description = "[http://localhost:$GATEWAY_PORT, port 8088 if "
            + "unset]")
    String gateway;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Kafka [$KAFKA_BOOTSTRAP_SERVERS, "
            + "else 127.0.0.1:$SAGA_KAFKA_PORT or 9092]")
    String bootstrapServers;

    @Option(names = "--topic", paramLabel = "NAME", description = "[" + Wire.TOPIC + "]")
    String topic = Wire.TOPIC;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "the data folder of ./saga: its databases' bytes "
            + "per order and each process's resident memory are printed before and after [none]")
    String dataDir;

    /** Reads a command line; a later value of an option wins over an earlier one. */
    static LoadArguments parse(List<String> args) {
        LoadArguments arguments = new LoadArguments();
        try {
            new CommandLine(arguments).setOverwrittenOptionsAllowed(true).parseArgs(args.toArray(String[]::new));
        }
        catch (CommandLine.ParameterException ex) {
            throw new LoadOptions.BadOptionException(ex.getMessage());
        }
        return arguments;
    }

    /** The help, made from the declarations above. */
    static String usage() {
        return new CommandLine(new LoadArguments()).getUsageMessage();
    }

    /**
     * Addresses a launcher knows better than the defaults: used for what the command line does not give.
     */
    public void defaultAddresses(String gatewayUrl, String kafka, Path folder) {
        gateway = gateway != null ? gateway : gatewayUrl;
        bootstrapServers = bootstrapServers != null ? bootstrapServers : kafka;
        dataDir = dataDir != null ? dataDir : folder.toString();
    }

    /**
     * Checks every value.
     *
     * @param environment where the default addresses come from (GATEWAY_PORT, KAFKA_BOOTSTRAP_SERVERS, SAGA_KAFKA_PORT)
     * @param randomSeed the seed when none is given
     * @throws LoadOptions.BadOptionException on a bad value, saying what is expected
     */
    LoadOptions toOptions(Map<String, String> environment, long randomSeed) {
        boolean chaosRun = chaos;
        Duration wait = timeout == null ? Duration.ofSeconds(chaosRun ? 180 : 60)
                : Duration.ofSeconds(wholeNumber("--timeout", timeout, 1, 86_400));
        URI gatewayUri = gateway(gateway != null ? gateway
                : "http://localhost:" + environment.getOrDefault("GATEWAY_PORT", "8088"));
        String kafka = bootstrapServers != null ? nonBlank("--bootstrap-servers", bootstrapServers)
                : environment.getOrDefault("KAFKA_BOOTSTRAP_SERVERS",
                        "127.0.0.1:" + environment.getOrDefault("SAGA_KAFKA_PORT", "9092"));
        return new LoadOptions(wholeNumber("--orders", orders, 1, MAX_ORDERS), rate(rate),
                wholeNumber("--users", users, 1, 1_000_000), mix(mix),
                Duration.ofMillis(wholeNumber("--early-delay", earlyDelay, 0, 60_000)), points(points), wait, chaosRun,
                seed == null ? randomSeed : seed(seed), gatewayUri, kafka, nonBlank("--topic", topic),
                wholeNumber("--warmup", warmup, 0, MAX_ORDERS),
                dataDir == null ? null : Path.of(nonBlank("--data-dir", dataDir)));
    }

    private static int wholeNumber(String name, String value, int min, int max) {
        return WholeNumbers.parse(name, value, min, max, LoadOptions.BadOptionException::new);
    }

    private static double rate(String value) {
        try {
            double rate = Double.parseDouble(value.strip());
            if (rate > 0 && rate <= 100_000 && Double.isFinite(rate)) {
                return rate;
            }
        }
        catch (NumberFormatException notANumber) {
            // reported below, with the offending text
        }
        throw new LoadOptions.BadOptionException("--rate must be a number of orders per second above 0 and at most "
                + "100000, not '" + value + "'");
    }

    private static OrderMix mix(String value) {
        try {
            return OrderMix.parse(value);
        }
        catch (IllegalArgumentException ex) {
            throw new LoadOptions.BadOptionException("--mix " + value + ": " + ex.getMessage());
        }
    }

    private static BigDecimal points(String value) {
        try {
            BigDecimal points = new BigDecimal(value.strip());
            if (points.signum() > 0 && points.compareTo(MAX_POINTS) <= 0 && points.scale() <= 4) {
                return points;
            }
        }
        catch (NumberFormatException notANumber) {
            // reported below, with the offending text
        }
        throw new LoadOptions.BadOptionException("--points must be a number above 0 and at most "
                + MAX_POINTS.toPlainString() + " with at most 4 decimals, not '" + value + "'");
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value.strip());
        }
        catch (NumberFormatException notANumber) {
            throw new LoadOptions.BadOptionException("--seed must be a whole number, not '" + value + "'");
        }
    }

    private static URI gateway(String value) {
        try {
            URI uri = URI.create(value.strip().replaceAll("/+$", ""));
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        }
        catch (IllegalArgumentException notAUri) {
            // reported below, with the offending text
        }
        throw new LoadOptions.BadOptionException("--gateway must be an http:// URL like http://localhost:8088, not '"
                + value + "'");
    }

    private static String nonBlank(String name, String value) {
        if (value.isBlank()) {
            throw new LoadOptions.BadOptionException(name + " must not be empty");
        }
        return value.strip();
    }
}
