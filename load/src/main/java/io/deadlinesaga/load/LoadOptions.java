package io.deadlinesaga.load;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.deadlinesaga.contract.Wire;

/**
 * What {@code ./saga load} is asked to do. Every option has a default; the gateway and Kafka addresses follow
 * the same environment variables as {@code ./saga}.
 *
 * @param rate orders per second, kept whatever the answers (an open-loop schedule)
 * @param timeout how long to wait, after the last order was sent, for every decision and compensation
 * @param earlyDelay how long after an early order its holder's account is opened
 * @param points the opening points of every account
 * @param chaos parts go down meanwhile: late decisions and rejections by the deadline are counted, not violations
 */
record LoadOptions(int orders, double rate, int users, OrderMix mix, Duration earlyDelay, BigDecimal points,
        Duration timeout, boolean chaos, long seed, URI gateway, String bootstrapServers, String topic, int warmup,
        Path dataDir) {

    /** The warm-up's pace: a cold service keeps up with it, so it never piles up work for the measured run. */
    static final double WARMUP_RATE = 30;

    static final String USAGE = """
            Usage: ./saga load [options]

            Opens point accounts and places orders through the gateway at a fixed rate, shows progress every
            second, waits until every order is decided and every rejected order compensated, then checks the
            invariants I1-I6 across every service and the topic, and the outcome each kind of order must have.

              --orders N             orders to place [200]
              --rate R               orders per second, kept whatever the answers (open loop) [20]
              --users U              accounts the orders are spread over [50]
              --mix KIND=W,...       weights of the kinds of order [%s]
                                     ordinary, 400: APPROVED    over-limit: REJECTED (POINT_LIMIT)
                                     100, 200, 500: REJECTED (DEADLINE)    300: REJECTED (EXCHANGE_ERROR)
                                     early: the holder opens an account just after the order: APPROVED
              --early-delay MS       how long after an early order its account is opened [1000]
              --points P             opening points of every account [1000000]
              --timeout S            seconds to wait, after the last order is sent, for every decision and
                                     compensation [60, with --chaos 180]
              --chaos                parts go down meanwhile (./saga chaos): decisions later than deadline + 1 s
                                     and rejections by the deadline are counted, not violations
              --warmup N             orders of the same mix placed first, at up to 30/s and those decided by
                                     the deadline first, so that every step's code, compensations too, is
                                     compiled before the measured run; not counted, not checked [600; 0: none]
              --seed N               seed of the random plan, to repeat a run [random, printed]
              --gateway URL          [http://localhost:$GATEWAY_PORT, port 8088 if unset]
              --bootstrap-servers HOST:PORT
                                     Kafka [$KAFKA_BOOTSTRAP_SERVERS, else 127.0.0.1:$SAGA_KAFKA_PORT or 9092]
              --topic NAME           [choreography.deadline]
              --data-dir DIR         the data folder of ./saga: its databases' bytes per order and each
                                     process's resident memory are printed before and after [none]
              -h, --help             this text

            Prints orders/s, decision latency p50/p95/p99, deadline lateness p50/p99, one line per violation and
            last "violations: N". Exit status: 0 all decided as expected, no violation; 1 a violation or an order
            not decided in time; 2 bad options; 3 the gateway or Kafka cannot be reached.
            """.formatted(OrderMix.DEFAULT);

    private static final int MAX_ORDERS = 1_000_000;
    private static final BigDecimal MAX_POINTS = new BigDecimal("100000000");
    private static final List<String> NAMES = List.of("--orders", "--rate", "--users", "--mix", "--early-delay",
            "--points", "--timeout", "--chaos", "--warmup", "--seed", "--gateway", "--bootstrap-servers", "--topic", "--data-dir");

    /** A command line the driver cannot run, with what is wrong, in words for the user. */
    static final class BadOptionException extends IllegalArgumentException {

        BadOptionException(String message) {
            super(message);
        }
    }

    static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    /**
     * Reads {@code --name value} and {@code --name=value}; a later value wins over an earlier one.
     *
     * @param environment where the default addresses come from (GATEWAY_PORT, KAFKA_BOOTSTRAP_SERVERS, SAGA_KAFKA_PORT)
     * @param randomSeed the seed when none is given
     * @throws BadOptionException on an unknown option, a missing or bad value
     */
    static LoadOptions parse(List<String> args, Map<String, String> environment, long randomSeed) {
        int orders = 200;
        double rate = 20;
        int users = 50;
        OrderMix mix = OrderMix.DEFAULT;
        Duration earlyDelay = Duration.ofSeconds(1);
        BigDecimal points = new BigDecimal("1000000");
        Duration timeout = null;
        boolean chaos = false;
        long seed = randomSeed;
        URI gateway = URI.create("http://localhost:" + environment.getOrDefault("GATEWAY_PORT", "8088"));
        String bootstrapServers = environment.getOrDefault("KAFKA_BOOTSTRAP_SERVERS",
                "127.0.0.1:" + environment.getOrDefault("SAGA_KAFKA_PORT", "9092"));
        String topic = Wire.TOPIC;
        int warmup = 600;
        Path dataDir = null;

        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new BadOptionException("unexpected argument '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!NAMES.contains(name)) {
                throw new BadOptionException("unknown option " + name + " (options: " + String.join(" ", NAMES) + ")");
            }
            if (name.equals("--chaos")) {
                if (equals >= 0) {
                    throw new BadOptionException("--chaos takes no value");
                }
                chaos = true;
                continue;
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            }
            else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            }
            else {
                throw new BadOptionException(name + " needs a value");
            }
            switch (name) {
                case "--orders" -> orders = wholeNumber(name, value, 1, MAX_ORDERS);
                case "--rate" -> rate = rate(value);
                case "--users" -> users = wholeNumber(name, value, 1, 1_000_000);
                case "--mix" -> mix = mix(value);
                case "--early-delay" -> earlyDelay = Duration.ofMillis(wholeNumber(name, value, 0, 60_000));
                case "--points" -> points = points(value);
                case "--timeout" -> timeout = Duration.ofSeconds(wholeNumber(name, value, 1, 86_400));
                case "--warmup" -> warmup = wholeNumber(name, value, 0, MAX_ORDERS);
                case "--seed" -> seed = seed(value);
                case "--gateway" -> gateway = gateway(value);
                case "--bootstrap-servers" -> bootstrapServers = nonBlank(name, value);
                case "--topic" -> topic = nonBlank(name, value);
                case "--data-dir" -> dataDir = Path.of(nonBlank(name, value));
                default -> throw new BadOptionException(name + " is not an option here");
            }
        }
        if (timeout == null) {
            timeout = Duration.ofSeconds(chaos ? 180 : 60);
        }
        return new LoadOptions(orders, rate, users, mix, earlyDelay, points, timeout, chaos, seed, gateway,
                bootstrapServers, topic, warmup, dataDir);
    }

    /**
     * The warm-up run: {@code warmup} orders of the same mix, those decided by the deadline first, at up to
     * {@link #WARMUP_RATE}; no warm-up of its own.
     */
    LoadOptions forWarmup() {
        return new LoadOptions(warmup, Math.min(rate, WARMUP_RATE), Math.min(users, 20), mix.forWarmup(), earlyDelay,
                points, timeout, chaos, seed + 1, gateway, bootstrapServers, topic, 0, dataDir);
    }

    private static int wholeNumber(String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        }
        catch (NumberFormatException notANumber) {
            // reported below, with the offending text
        }
        throw new BadOptionException(name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
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
        throw new BadOptionException("--rate must be a number of orders per second above 0 and at most 100000, not '" + value + "'");
    }

    private static OrderMix mix(String value) {
        try {
            return OrderMix.parse(value);
        }
        catch (IllegalArgumentException ex) {
            throw new BadOptionException("--mix " + value + ": " + ex.getMessage());
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
        throw new BadOptionException("--points must be a number above 0 and at most " + MAX_POINTS.toPlainString()
                + " with at most 4 decimals, not '" + value + "'");
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value.strip());
        }
        catch (NumberFormatException notANumber) {
            throw new BadOptionException("--seed must be a whole number, not '" + value + "'");
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
        throw new BadOptionException("--gateway must be an http:// URL like http://localhost:8088, not '" + value + "'");
    }

    private static String nonBlank(String name, String value) {
        if (value.isBlank()) {
            throw new BadOptionException(name + " must not be empty");
        }
        return value.strip();
    }
}
