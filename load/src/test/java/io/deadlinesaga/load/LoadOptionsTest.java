package io.deadlinesaga.load;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadOptionsTest {

    private static final long SEED = 42;

    private static LoadOptions parse(String... args) {
        return LoadOptions.parse(List.of(args), Map.of(), SEED);
    }

    private static void assertRefused(String message, String... args) {
        assertThatThrownBy(() -> parse(args)).isInstanceOf(LoadOptions.BadOptionException.class)
                .hasMessageContaining(message);
    }

    @Test
    void hasSensibleDefaults() {
        // when
        LoadOptions options = parse();

        // then
        assertThat(options.orders()).isEqualTo(200);
        assertThat(options.rate()).isEqualTo(20);
        assertThat(options.users()).isEqualTo(50);
        assertThat(options.mix()).hasToString(OrderMix.DEFAULT.toString());
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.chaos()).isFalse();
        assertThat(options.seed()).isEqualTo(SEED);
        assertThat(options.gateway()).isEqualTo(URI.create("http://localhost:8088"));
        assertThat(options.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(options.topic()).isEqualTo("choreography.deadline");
        assertThat(options.warmup()).isEqualTo(600);
    }

    @Test
    void warmsUpWithTheSameMixAtAPaceAColdSystemKeepsUpWith() {
        // when
        LoadOptions options = parse("--orders", "2000", "--rate", "100", "--warmup", "400", "--users", "80");
        LoadOptions warmup = options.forWarmup();

        // then
        assertThat(warmup.orders()).isEqualTo(400);
        assertThat(warmup.rate()).isEqualTo(LoadOptions.WARMUP_RATE);
        assertThat(warmup.users()).isEqualTo(20);
        assertThat(warmup.warmup()).as("no warm-up of its own").isZero();
        assertThat(warmup.seed()).isNotEqualTo(options.seed());
        assertThat(warmup.mix().toString()).isEqualTo(OrderMix.DEFAULT.toString());
        assertThat(parse("--rate", "5").forWarmup().rate()).as("never faster than the load").isEqualTo(5);
        assertThat(parse("--warmup", "0").warmup()).isZero();
    }

    @Test
    void takesTheAddressesFromTheEnvironmentLikeTheScript() {
        // when
        LoadOptions shifted = LoadOptions.parse(List.of(), Map.of("GATEWAY_PORT", "18088", "SAGA_KAFKA_PORT", "19092"), SEED);
        LoadOptions external = LoadOptions.parse(List.of(), Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"), SEED);

        // then
        assertThat(shifted.gateway()).isEqualTo(URI.create("http://localhost:18088"));
        assertThat(shifted.bootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(external.bootstrapServers()).isEqualTo("kafka:9092");
    }

    @Test
    void readsEveryOptionWithASpaceOrAnEqualsSign() {
        // when
        LoadOptions options = parse("--orders", "2000", "--rate=100", "--users", "7", "--mix=ordinary=1,300=1",
                "--early-delay", "500", "--points", "5000.50", "--timeout=90", "--seed", "-3", "--chaos",
                "--gateway", "http://127.0.0.1:9000/", "--bootstrap-servers=b:1", "--topic", "t");

        // then
        assertThat(options.orders()).isEqualTo(2000);
        assertThat(options.rate()).isEqualTo(100);
        assertThat(options.users()).isEqualTo(7);
        assertThat(options.mix().weight(OrderKind.FAILING_EXCHANGE)).isEqualTo(1);
        assertThat(options.earlyDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.points()).isEqualByComparingTo(new BigDecimal("5000.50"));
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.seed()).isEqualTo(-3);
        assertThat(options.chaos()).isTrue();
        assertThat(options.gateway()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(options.bootstrapServers()).isEqualTo("b:1");
        assertThat(options.topic()).isEqualTo("t");
    }

    @Test
    void waitsLongerInAChaosRunUnlessTold() {
        assertThat(parse("--chaos").timeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(parse("--timeout", "30", "--chaos").timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aLaterValueWins() {
        assertThat(parse("--orders", "5", "--orders", "6").orders()).isEqualTo(6);
    }

    @Test
    void refusesUnknownOptionsAndArguments() {
        assertRefused("Unknown options: '--order', '5'", "--order", "5");
        assertRefused("Unmatched argument at index 0: '5'", "5");
        assertRefused("Invalid value for option '--chaos': 'yes' is not a boolean", "--chaos=yes");
    }

    @Test
    void refusesAMissingValue() {
        assertRefused("Missing required parameter for option '--orders' (N)", "--orders");
        assertRefused("Expected parameter for option '--rate' but found '--orders'", "--rate", "--orders", "5");
    }

    @Test
    void refusesBadValuesSayingWhatIsExpected() {
        assertRefused("--orders must be a whole number from 1 to 1000000, not 'many'", "--orders", "many");
        assertRefused("--orders must be a whole number from 1 to 1000000, not '0'", "--orders", "0");
        assertRefused("--rate must be a number of orders per second above 0", "--rate", "0");
        assertRefused("--rate must be a number of orders per second above 0", "--rate", "NaN");
        assertRefused("--users must be a whole number", "--users", "1.5");
        assertRefused("--mix ordinary=x: the weight of ordinary must be a whole number", "--mix", "ordinary=x");
        assertRefused("--points must be a number above 0", "--points", "-1");
        assertRefused("--gateway must be an http:// URL", "--gateway", "localhost:8088");
        assertRefused("--seed must be a whole number", "--seed", "abc");
        assertRefused("--topic must not be empty", "--topic=");
    }

    @Test
    void theHelpIsMadeFromTheOptionsDeclared() {
        assertThat(LoadArguments.usage()).contains("--orders=N", "orders to place [200]", "--mix=KIND=W,...")
                .contains("violations: N");
    }
}
