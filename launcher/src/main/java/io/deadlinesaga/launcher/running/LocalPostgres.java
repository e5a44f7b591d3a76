package io.deadlinesaga.launcher.running;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.SagaException;
import io.deadlinesaga.launcher.Setup;

/**
 * A PostgreSQL server of this copy's own, from the PostgreSQL installed on the machine: its cluster in the data
 * folder's {@code postgres/}, listening on 127.0.0.1 only, one database per service, the role {@code saga}
 * trusted without a password. The server refuses to run as root: a launcher run by root runs it as the
 * {@code postgres} user ({@code runuser}), which then owns the folder.
 */
public final class LocalPostgres {

    private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");
    private static final String SERVICE_USER = "postgres";

    private final Setup setup;

    public LocalPostgres(Setup setup) {
        this.setup = setup;
    }

    private Path folder() {
        return setup.dataDir().resolve("postgres");
    }

    private Path cluster() {
        return folder().resolve("data");
    }

    /** The server's own log (written by the server's user, so inside its folder). */
    public Path log() {
        return setup.log(Part.POSTGRES);
    }

    /** The server's process, from the pid file it keeps in its cluster. */
    public Optional<ProcessHandle> running() {
        Path pidFile = cluster().resolve("postmaster.pid");
        try {
            String first = Files.isRegularFile(pidFile) ? Files.readAllLines(pidFile).get(0).trim() : "";
            return first.matches("\\d+") ? ProcessHandle.of(Long.parseLong(first)).filter(handle -> !Processes.isGone(handle))
                    : Optional.empty();
        }
        catch (IOException | IndexOutOfBoundsException ex) {
            return Optional.empty();
        }
    }

    /** Starts the server unless it runs (making its cluster the first time), then makes the services' databases. */
    public void start(Consumer<String> say) {
        Optional<ProcessHandle> process = running();
        if (process.isPresent()) {
            say.accept("PostgreSQL is already running (pid " + process.get().pid() + ") on " + address());
        }
        else {
            if (Network.isOpen("127.0.0.1", setup.port(Part.POSTGRES))) {
                throw new SagaException("something else already listens on " + address() + "; stop it, or choose "
                        + "another " + Part.POSTGRES.portVariable());
            }
            Path bin = binaries();
            prepareFolder();
            if (!Files.exists(cluster().resolve("PG_VERSION"))) {
                say.accept("Making a PostgreSQL cluster in " + setup.shown(cluster()));
                run(List.of(bin.resolve("initdb").toString(), "-D", cluster().toString(), "-U", Setup.POSTGRES_USER,
                        "--auth=trust", "-E", "UTF8"), "initdb");
            }
            say.accept("Starting PostgreSQL on " + address());
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", cluster().toString(), "-l", log().toString(), "-w",
                    "-t", Long.toString(setup.startTimeout().toSeconds()), "-o",
                    "-c listen_addresses=127.0.0.1 -p " + setup.port(Part.POSTGRES) + " -k " + folder()
                            + " -c max_connections=" + maxConnections() + " -c deadlock_timeout=100ms", "start"), "pg_ctl start");
            say.accept("  PostgreSQL ready (pid " + running().map(ProcessHandle::pid).orElse(0L) + ", log "
                    + setup.shown(log()) + ")");
        }
        createDatabases(say);
    }

    public void stop(Consumer<String> say) {
        Optional<ProcessHandle> process = running();
        if (process.isEmpty()) {
            say.accept("  postgres: not running");
            return;
        }
        run(List.of(binaries().resolve("pg_ctl").toString(), "-D", cluster().toString(), "-m", "fast", "-w", "stop"),
                "pg_ctl stop");
        say.accept("  postgres: stopped (pid " + process.get().pid() + ")");
    }

    /**
     * Room for every instance's pool (16 connections each, {@code spring.datasource.hikari.maximum-pool-size}) of
     * order, exchange, point and deadline, and some for psql: PostgreSQL's default of 100 is passed at two
     * instances.
     */
    private int maxConnections() {
        int pools = 16 * 4 * setup.count(Part.ORDER);
        return Math.max(200, pools + 40);
    }

    public String address() {
        return "127.0.0.1:" + setup.port(Part.POSTGRES);
    }

    private void createDatabases(Consumer<String> say) {
        String url = "jdbc:postgresql://" + address() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, Setup.POSTGRES_USER, "");
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
                Statement create = connection.createStatement()) {
            for (Part service : Part.services().stream().filter(Part::hasChosenDatabase).toList()) {
                exists.setString(1, service.partName());
                try (ResultSet found = exists.executeQuery()) {
                    if (!found.next()) {
                        create.execute("CREATE DATABASE \"" + service.partName() + "\"");
                        say.accept("  made database " + service.partName());
                    }
                }
            }
        }
        catch (SQLException ex) {
            throw new SagaException("cannot make the services' databases on PostgreSQL at " + address() + ": "
                    + ex.getMessage());
        }
    }

    /** The folder of initdb and pg_ctl: Debian's newest, or the one of pg_ctl on the PATH. */
    static Path binaries() {
        if (Files.isDirectory(DEBIAN_BINARIES)) {
            try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
                Optional<Path> newest = versions.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
                        .max(Comparator.comparing(bin -> versionOf(bin.getParent())));
                if (newest.isPresent()) {
                    return newest.get();
                }
            }
            catch (IOException ex) {
                // looked for on the PATH below
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "pg_ctl")) && Files.isExecutable(Path.of(dir, "initdb"))) {
                return Path.of(dir);
            }
        }
        throw new SagaException("--db postgres needs a PostgreSQL server installed (pg_ctl and initdb), e.g. "
                + "apt-get install postgresql");
    }

    private static int versionOf(Path folder) {
        String name = folder.getFileName().toString();
        return name.matches("\\d+") ? Integer.parseInt(name) : 0;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The folder, owned by the user the server runs as. */
    private void prepareFolder() {
        try {
            Files.createDirectories(folder());
        }
        catch (IOException ex) {
            throw new SagaException("cannot make " + folder() + ": " + ex.getMessage());
        }
        if (isRoot()) {
            run(List.of("chown", "-R", SERVICE_USER + ":", folder().toString()), "chown");
        }
    }

    /** Runs a command as the server's user, waits for it, and fails with its output if it fails. */
    private void run(List<String> command, String what) {
        List<String> asUser = new ArrayList<>();
        if (isRoot() && !"chown".equals(what)) {
            asUser.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
        }
        asUser.addAll(command);
        try {
            Process process = new ProcessBuilder(asUser).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new SagaException(what + " failed: " + output.strip()
                        + (isRoot() ? " (the server runs as the user " + SERVICE_USER + ", which must be able to "
                                + "reach " + folder() + ")" : ""));
            }
        }
        catch (IOException ex) {
            throw new SagaException(what + " failed: " + ex.getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SagaException(what + " interrupted");
        }
    }
}
