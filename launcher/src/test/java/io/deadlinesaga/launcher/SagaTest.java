package io.deadlinesaga.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a user meets it: help, mistakes, and a status of a copy that is not running. */
class SagaTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int saga(Map<String, String> environment, String... args) {
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return Saga.run(Path.of("."), environment, console, args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutACommandPrintsTheHelpWithEveryCommandAndPart() {
        // when
        int status = saga(Map.of());

        // then
        assertThat(status).isZero();
        assertThat(out()).contains("Usage: ./saga")
                .contains("up", "down", "clean", "status", "start", "stop", "restart", "logs", "events",
                        "kafka-console-consumer", "load", "chaos", "bench", "help")
                .contains("saga-view  SAGA_VIEW_PORT [8085]");
    }

    @Test
    void helpOfOneCommandShowsItsOptions() {
        // when
        int status = saga(Map.of(), "help", "chaos");

        // then
        assertThat(status).isZero();
        assertThat(out()).contains("--kill-every=S").contains("[20]").contains("--orders=N").contains("[1800]");
    }

    @Test
    void anUnknownCommandIsAMistakeWithExitStatus2() {
        // when
        int status = saga(Map.of(), "upp");

        // then
        assertThat(status).isEqualTo(2);
        assertThat(err()).contains("Unmatched argument at index 0: 'upp'").contains("Did you mean: ./saga up");
    }

    @Test
    void anUnknownPartIsRefusedWithTheListOfParts() {
        // when
        int status = saga(Map.of("SAGA_DATA_DIR", data.toString()), "stop", "billing");

        // then
        assertThat(status).isEqualTo(2);
        assertThat(err()).contains("unknown part 'billing' (one of: kafka order exchange point deadline saga-view gateway)");
    }

    @Test
    void aBadPortEndsTheCommandWithTheReason() {
        // when
        int status = saga(Map.of("ORDER_PORT", "eighty"), "status");

        // then
        assertThat(status).isEqualTo(1);
        assertThat(err()).isEqualToIgnoringNewLines("saga: ORDER_PORT=eighty is not a port number");
    }

    @Test
    void statusOfACopyThatDoesNotRunSaysEachPartIsStopped() {
        // when
        int status = saga(Map.of("SAGA_DATA_DIR", data.toString()), "status");

        // then
        assertThat(status).isZero();
        assertThat(out().lines()).containsExactly(
                "kafka       stopped                127.0.0.1:9092",
                "order       stopped                http://localhost:8081",
                "exchange    stopped                http://localhost:8082",
                "point       stopped                http://localhost:8083",
                "deadline    stopped                http://localhost:8084",
                "saga-view   stopped                http://localhost:8085",
                "gateway     stopped                http://localhost:8088");
    }

    @Test
    void logsOfAPartThatNeverRanSaysSo() {
        // when
        int status = saga(Map.of("SAGA_DATA_DIR", data.toString()), "logs", "order");

        // then
        assertThat(status).isEqualTo(1);
        assertThat(err()).contains("saga: no log yet: " + data.resolve("logs/order.log"));
    }

    @Test
    void chaosRefusesARateThatIsNotAboveZero() {
        // when
        int status = saga(Map.of("SAGA_DATA_DIR", data.toString()), "chaos", "--rate", "0");

        // then
        assertThat(status).isEqualTo(2);
        assertThat(err()).contains("chaos: --rate must be a number of orders per second above 0, not '0.0'");
    }

    @Test
    void helpOfTheBenchShowsEveryOptionWithItsDefault() {
        // when
        int status = saga(Map.of(), "bench", "--help");

        // then
        assertThat(status).isZero();
        assertThat(out()).contains("Usage: ./saga bench").contains("--cold-rate=R").contains("[100]")
                .contains("--rates=R,R,...").contains("[50,100,200,400,800,1600]").contains("--step-seconds=S")
                .contains("[30]").contains("--pending-deadlines=N").contains("[100000]").contains("--deadline-probes=N")
                .contains("[2000]").contains("--no-raw").contains("--no-deadlines").contains("--db=h2|postgres")
                .contains("--instances=N").contains("--brokers=1|3").contains("--no-build");
    }

    @Test
    void benchRefusesBadValuesBeforeItStartsAnything() {
        // when
        int zeroRate = saga(Map.of("SAGA_DATA_DIR", data.toString()), "bench", "--rates", "50,0");
        int noRates = saga(Map.of("SAGA_DATA_DIR", data.toString()), "bench", "--rates", "");
        int shortSteps = saga(Map.of("SAGA_DATA_DIR", data.toString()), "bench", "--step-seconds", "4");
        int negative = saga(Map.of("SAGA_DATA_DIR", data.toString()), "bench", "--pending-deadlines", "-1");

        // then: nothing was started, not even the data folder made
        assertThat(List.of(zeroRate, noRates, shortSteps, negative)).containsOnly(2);
        assertThat(err()).contains("bench: --rates must be a whole number from 1 to 100000, not '0'")
                .contains("bench: --rates must name at least one rate, e.g. 50,100,200")
                .contains("bench: --step-seconds must be a whole number from 5 to 3600, not '4'")
                .contains("bench: --pending-deadlines must be a whole number from 0 to 9900000, not '-1'");
        assertThat(data).isEmptyDirectory();
    }
}
