package io.deadlinesaga.load;

import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.Map;

/**
 * {@code ./saga load [options]}: exit status 0 when every order was decided as its kind must be and no invariant
 * was broken, 1 otherwise, 2 on bad options, 3 when the gateway or Kafka cannot be reached.
 */
public final class LoadMain {

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int BAD_OPTIONS = 2;
    static final int UNREACHABLE = 3;

    private LoadMain() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    /** Runs the warm-up with its progress kept quiet: one line before, one after. */
    private static void warmUp(LoadOptions warmup, PrintStream out) throws InterruptedException {
        out.printf("warm-up: %d orders at %s/s, mix %s (not counted; --warmup 0 skips it)%n", warmup.orders(),
                BigDecimal.valueOf(warmup.rate()).stripTrailingZeros().toPlainString(), warmup.mix());
        out.flush();
        try (LoadDriver driver = new LoadDriver(warmup, new PrintStream(OutputStream.nullOutputStream()))) {
            long millis = driver.warmUp();
            out.println(millis < 0 ? "  warm-up: not every order was settled in time; going on"
                    : String.format(Locale.ROOT, "  warmed up in %.1f s%n", millis / 1000.0).stripTrailing());
        }
    }

    /** Runs the command line {@code args}: its help, or a load. */
    public static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        LoadArguments arguments;
        try {
            arguments = LoadArguments.parse(args);
        }
        catch (LoadOptions.BadOptionException ex) {
            return badOptions(ex, err);
        }
        if (args.contains("--help") || args.contains("-h")) {
            out.print(LoadArguments.usage());
            return PASSED;
        }
        return run(arguments, environment, out, err);
    }

    /** Runs a load as the arguments say; the exit status. */
    public static int run(LoadArguments arguments, Map<String, String> environment, PrintStream out, PrintStream err) {
        try {
            LoadOptions options = arguments.toOptions(environment, new SecureRandom().nextLong());
            if (options.warmup() > 0) {
                warmUp(options.forWarmup(), out);
            }
            Footprint before = Footprint.of(options.dataDir());
            try (LoadDriver driver = new LoadDriver(options, out)) {
                LoadResult result = driver.run();
                LongSummaryStatistics ids = result.orders().stream().mapToLong(OrderFacts::orderId)
                        .filter(id -> id > 0).summaryStatistics();
                Footprint.print(before, Footprint.of(options.dataDir()), ids.getMin(), ids.getMax(), out);
                new Report(result).print(out);
                return result.passed() ? PASSED : FAILED;
            }
        }
        catch (LoadOptions.BadOptionException ex) {
            return badOptions(ex, err);
        }
        catch (LoadAbortedException ex) {
            out.flush();
            err.println("saga load: " + ex.getMessage());
            return UNREACHABLE;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            err.println("saga load: interrupted");
            return FAILED;
        }
    }

    /**
     * One load as {@code ./saga bench} runs it: the driver's progress and checks, no warm-up of its own, no report;
     * its figures.
     *
     * @param args the load's command line: the addresses, {@code --orders}, {@code --rate} … ({@code --warmup} is not acted on)
     * @param phases told when the orders begin to be sent and when they are all settled
     * @throws LoadAbortedException when the gateway or Kafka cannot be reached
     * @throws IllegalArgumentException on a bad option
     */
    public static LoadFigures measure(List<String> args, Map<String, String> environment, PrintStream out,
            LoadPhases phases) throws InterruptedException {
        LoadOptions options = LoadArguments.parse(args).toOptions(environment, new SecureRandom().nextLong());
        try (LoadDriver driver = new LoadDriver(options, out, phases)) {
            return LoadFigures.of(driver.run());
        }
    }

    private static int badOptions(LoadOptions.BadOptionException ex, PrintStream err) {
        err.println("saga load: " + ex.getMessage());
        err.println("Usage: ./saga load [--orders N] [--rate R] [--users U] [--mix KIND=W,...] ... (--help for all)");
        return BAD_OPTIONS;
    }
}
