package io.deadlinesaga.load;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.List;
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

    static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (LoadOptions.wantsHelp(args)) {
            out.print(LoadOptions.USAGE);
            return PASSED;
        }
        try {
            LoadOptions options = LoadOptions.parse(args, environment, new SecureRandom().nextLong());
            try (LoadDriver driver = new LoadDriver(options, out)) {
                LoadResult result = driver.run();
                new Report(result).print(out);
                return result.passed() ? PASSED : FAILED;
            }
        }
        catch (LoadOptions.BadOptionException ex) {
            err.println("saga load: " + ex.getMessage());
            err.println("Usage: ./saga load [--orders N] [--rate R] [--users U] [--mix KIND=W,...] ... (--help for all)");
            return BAD_OPTIONS;
        }
        catch (LoadDriver.AbortedException ex) {
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
}
