package io.deadlinesaga.launcher.running;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.deadlinesaga.launcher.Instance;
import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.SagaException;
import io.deadlinesaga.launcher.Setup;

/**
 * The folder a service runs from, one per build: its built jar unpacked (Spring Boot's {@code jarmode=tools
 * extract}) beside a class-data archive of the classes it loads to start. The archive is written by one training
 * start right after unpacking: the service's context is refreshed and the JVM exits, writing every class it loaded
 * ({@code -XX:ArchiveClassesAtExit}), with no port, no Kafka and a throwaway H2 database. A JVM started with the
 * archive maps those classes instead of reading, parsing and verifying them: the six Spring Boot JVMs of
 * {@code ./saga up}, started together on two cores, take about a third less CPU to start.
 * <p>
 * The folder is {@code <service>/target/app/<size>-<time>/}, named after the built jar: a build leaves a new jar and
 * the next start makes a new folder, while a running instance keeps reading its own; a folder no process runs from
 * is deleted. A training that fails leaves no archive, and the service starts without one, as a JVM does by default;
 * so it does with {@code SAGA_CLASS_DATA=off}, which saves the training.
 */
public final class AppImages {

    private static final String UNPACKED = "unpacked";
    private static final String TRAINED = "trained";
    private static final String ARCHIVE = "classes.jsa";
    private static final Duration UNPACK_TIMEOUT = Duration.ofSeconds(120);

    private final Setup setup;

    public AppImages(Setup setup) {
        this.setup = setup;
    }

    /** The folder the service's current build runs from. */
    public Path folder(Part service) {
        Path built = setup.builtJar(service);
        try {
            return appsOf(service).resolve(Files.size(built) + "-" + Files.getLastModifiedTime(built).toMillis());
        }
        catch (IOException ex) {
            throw new SagaException(setup.shown(built) + " is missing; run ./saga up --build");
        }
    }

    /** The jar to run: the built one's classes and its manifest, its libraries beside it. */
    public Path jar(Part service) {
        return folder(service).resolve(setup.builtJar(service).getFileName());
    }

    /** The class-data archive of the service's current build, when its training made one and it is wanted. */
    public Optional<Path> archive(Part service) {
        return Optional.of(folder(service).resolve(ARCHIVE))
                .filter(archive -> setup.flags().classData() && Files.isRegularFile(archive));
    }

    /**
     * Makes the folder of each service given whose current build has none yet: unpacks the jars, then trains them
     * all at once (unless {@code SAGA_CLASS_DATA=off}); then deletes the folders of older builds that no process
     * runs from.
     */
    public void prepare(Collection<Part> services, Consumer<String> say) {
        boolean classData = setup.flags().classData();
        List<Part> missing = services.stream().distinct().filter(service -> !Files.isRegularFile(folder(service)
                .resolve(classData ? TRAINED : UNPACKED))).toList();
        if (missing.isEmpty()) {
            return;
        }
        say.accept("Unpacking " + names(missing) + (classData ? " and writing their class-data archives" : "")
                + " (once per build)");
        long started = System.nanoTime();
        Map<Part, Process> unpackings = new LinkedHashMap<>();
        missing.forEach(service -> unpack(service).ifPresent(unpacking -> unpackings.put(service, unpacking)));
        unpackings.forEach(this::unpacked);
        if (!classData) {
            missing.forEach(this::deleteUnusedFolders);
            return;
        }
        Map<Part, Process> trainings = new LinkedHashMap<>();
        missing.forEach(service -> trainings.put(service, train(service)));
        List<Part> without = new ArrayList<>();
        trainings.forEach((service, training) -> {
            if (!finished(service, training)) {
                without.add(service);
            }
        });
        say.accept("  done in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + "s" + (without.isEmpty() ? ""
                : "; no archive for " + names(without) + " (its training failed: see " + String.join(", ",
                        without.stream().map(service -> setup.shown(appsOf(service)) + "/*/training.log").toList()) + ")"));
        missing.forEach(this::deleteUnusedFolders);
    }

    private Path appsOf(Part service) {
        return setup.builtJar(service).resolveSibling("app");
    }

    /** Starts unpacking the service's jar into its folder; none when it is unpacked already. */
    private Optional<Process> unpack(Part service) {
        Path folder = folder(service);
        if (Files.isRegularFile(folder.resolve(UNPACKED))) {
            return Optional.empty();
        }
        // a folder left half unpacked: no instance ever ran from it
        Folders.deleteRecursively(folder);
        try {
            Files.createDirectories(appsOf(service));
            return Optional.of(new ProcessBuilder(setup.java(), "-Djarmode=tools", "-jar", setup.builtJar(service).toString(),
                    "extract", "--destination", folder.toString()).redirectErrorStream(true)
                    .redirectOutput(unpackLog(service).toFile()).start());
        }
        catch (IOException ex) {
            throw new SagaException("cannot unpack " + setup.shown(setup.builtJar(service)) + ": " + ex.getMessage());
        }
    }

    private void unpacked(Part service, Process unpacking) {
        Path log = unpackLog(service);
        int exit = waitFor(unpacking, UNPACK_TIMEOUT);
        if (exit != 0) {
            throw new SagaException("cannot unpack " + setup.shown(setup.builtJar(service)) + " (exit " + exit + "): "
                    + tail(log));
        }
        write(folder(service).resolve(UNPACKED), "");
        delete(log);
    }

    private Path unpackLog(Part service) {
        return appsOf(service).resolve(folder(service).getFileName() + "-unpack.log");
    }

    /** Starts the training: the context refreshed, then exit, the archive written as the JVM ends. */
    private Process train(Part service) {
        Path folder = folder(service);
        List<String> command = new ArrayList<>(List.of(setup.java()));
        command.addAll(setup.flags().services());
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + folder.resolve(ARCHIVE + ".part"), "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-Dspring.context.exit=onRefresh", "-Dspring.kafka.admin.auto-create=false",
                "-Dserver.port=0", "-jar", jar(service).toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(setup.root().toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("training.log").toFile()).redirectInput(new File("/dev/null"));
        Map<String, String> environment = builder.environment();
        environment.putAll(setup.serviceEnvironment(Instance.only(service)));
        environment.keySet().removeIf(name -> name.startsWith("SPRING_DATASOURCE_"));
        environment.put("SAGA_DATA_DIR", folder.resolve("training").toString());
        try {
            return builder.start();
        }
        catch (IOException ex) {
            throw new SagaException("cannot start " + setup.java() + ": " + ex.getMessage());
        }
    }

    /** Waits for the training; keeps its archive when it ended well. */
    private boolean finished(Part service, Process training) {
        Path folder = folder(service);
        Path part = folder.resolve(ARCHIVE + ".part");
        boolean made = waitFor(training, setup.startTimeout()) == 0 && Files.isRegularFile(part);
        try {
            if (made) {
                Files.move(part, folder.resolve(ARCHIVE), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.deleteIfExists(part);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Folders.deleteRecursively(folder.resolve("training"));
        write(folder.resolve(TRAINED), made ? "archive made\n" : "no archive: see training.log\n");
        return made;
    }

    private void deleteUnusedFolders(Part service) {
        Path current = folder(service);
        try (Stream<Path> folders = Files.list(appsOf(service))) {
            for (Path older : folders.filter(Files::isDirectory).filter(folder -> !folder.equals(current)).toList()) {
                if (ProcessHandle.allProcesses().noneMatch(process -> process.info().commandLine()
                        .filter(line -> line.contains(older.toString())).isPresent())) {
                    Folders.deleteRecursively(older);
                }
            }
        }
        catch (IOException | UncheckedIOException ex) {
            // an older folder left is only disk space
        }
    }

    private static int waitFor(Process process, Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            process.destroyForcibly().waitFor();
            return -1;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        }
        catch (IOException ex) {
            return "";
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String names(List<Part> services) {
        return String.join(", ", services.stream().map(Part::partName).toList());
    }
}
