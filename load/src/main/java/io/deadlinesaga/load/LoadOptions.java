package io.deadlinesaga.load;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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

    /** A command line the driver cannot run, with what is wrong, in words for the user. */
    static final class BadOptionException extends IllegalArgumentException {

        BadOptionException(String message) {
            super(message);
        }
    }

    /**
     * Reads a command line ({@code --name value} and {@code --name=value}; a later value wins over an earlier one).
     *
     * @param environment where the default addresses come from (GATEWAY_PORT, KAFKA_BOOTSTRAP_SERVERS, SAGA_KAFKA_PORT)
     * @param randomSeed the seed when none is given
     * @throws BadOptionException on an unknown option, a missing or bad value
     */
    static LoadOptions parse(List<String> args, Map<String, String> environment, long randomSeed) {
        return LoadArguments.parse(args).toOptions(environment, randomSeed);
    }

    /**
     * The warm-up run: {@code warmup} orders of the same mix, those decided by the deadline first, at up to
     * {@link #WARMUP_RATE}; no warm-up of its own.
     */
    LoadOptions forWarmup() {
        return new LoadOptions(warmup, Math.min(rate, WARMUP_RATE), Math.min(users, 20), mix.forWarmup(), earlyDelay,
                points, timeout, chaos, seed + 1, gateway, bootstrapServers, topic, 0, dataDir);
    }
}
