package io.deadlinesaga.launcher;

import java.nio.file.Path;
import java.util.Map;

import io.deadlinesaga.launcher.running.Supervisor;

/** What every command works with: this copy's setup, the console, and the parts' supervisor. */
public final class Context {

    private final Path root;
    private final Map<String, String> environment;
    private final Console console;
    private Setup setup;

    public Context(Path root, Map<String, String> environment, Console console) {
        this.root = root;
        this.environment = Map.copyOf(environment);
        this.console = console;
    }

    /** This copy's setup, read from the environment when first asked (help needs none). */
    public Setup setup() {
        if (setup == null) {
            setup = Setup.of(root, Path.of("").toAbsolutePath(), environment,
                    ProcessHandle.current().info().command().orElse("java"));
        }
        return setup;
    }

    /** Runs this command, and the later ones of this data folder, with that database and those numbers. */
    public void useLayout(Setup.Database database, int instances, int brokers) {
        setup = setup().withLayout(database, instances, brokers);
    }

    public Console console() {
        return console;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** Starts and stops the parts of this copy, telling the console. */
    public Supervisor supervisor() {
        return new Supervisor(setup(), console);
    }

    /** Whether ./saga built just before this command (a running service then keeps its older build). */
    public boolean justBuilt() {
        return "yes".equals(environment.get("SAGA_JUST_BUILT"));
    }
}
