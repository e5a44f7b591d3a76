package io.deadlinesaga.launcher.running;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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
 * ({@code -XX:ArchiveClassesAtExit}), with no web server, no Kafka and a throwaway H2 database. A JVM started with
 * the archive maps those classes instead of reading, parsing and verifying them: the six Spring Boot JVMs of
 * {@code ./saga up}, started together on two cores, take about a third less CPU to start.
 * <p>
 * The folder is {@code <service>/target/app/<size>-<time>-java<version>/}, named after the built jar and the Java
 * that runs it (an archive fits one JVM): a build leaves a new jar and the next start makes a new folder, while a
 * running instance keeps reading its own; a folder no process runs from is deleted. A folder is made under a file
 * lock, so two copies of the system started at once from one checkout make it once, and an archive is named
 * {@code classes.jsa} only once its training has ended well (a truncated archive would crash every start). A
 * training that fails leaves no archive, and the service starts without one, as a JVM does by default; so it does
 * with {@code SAGA_CLASS_DATA=off}, which saves the training.
 */
public final class AppImages {

    private static final String UNPACKED = "unpacked";
    private static final String TRAINED = "trained";
    private static final String ARCHIVE = "classes.jsa";
    private static final Duration UNPACK_TIMEOUT = Duration.ofSeconds(120);
    private static final String JAVA = "java" + Runtime.version().toString().replaceAll("[^0-9A-Za-z.]", "_");

    private final Setup setup;
    /** The folders made by {@link #prepare}: what the services start from, even if a build ends meanwhile. */
    private final Map<Part, Path> prepared = new EnumMap<>(Part.class);

    public AppImages(Setup setup) {
        this.setup = setup;
    }

    /** The folder the service starts from: the one {@link #prepare} made, or else its current build's. */
    public Path folder(Part service) {
        return prepared.computeIfAbsent(service, this::currentFolder);
    }

    /** The jar to run: the built one's classes and its manifest, its libraries beside it. */
    public Path jar(Part service) {
        return folder(service).resolve(setup.builtJar(service).getFileName());
    }

    /** The class-data archive of the service's folder, when its training made one and it is wanted. */
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
        services.stream().distinct().forEach(service -> prepared.put(service, currentFolder(service)));
        List<Part> wanted = services.stream().distinct().sorted().filter(this::needsMaking).toList();
        if (wanted.isEmpty()) {
            return;
        }
        List<FileChannel> locks = new ArrayList<>();
        Map<Part, Process> running = new LinkedHashMap<>();
        try {
            for (Part service : wanted) {
                locks.add(lock(service));
            }
            // another copy of the system may have made them while this one waited for the locks
            List<Part> missing = wanted.stream().filter(this::needsMaking).toList();
            if (!missing.isEmpty()) {
                make(missing, running, say);
            }
        }
        finally {
            running.values().forEach(Process::destroyForcibly);
            locks.forEach(AppImages::close);
        }
        wanted.forEach(this::deleteUnusedFolders);
    }

    private boolean needsMaking(Part service) {
        return !Files.isRegularFile(folder(service).resolve(setup.flags().classData() ? TRAINED : UNPACKED));
    }

    private void make(List<Part> missing, Map<Part, Process> running, Consumer<String> say) {
        boolean classData = setup.flags().classData();
        say.accept("Unpacking " + names(missing) + (classData ? " and writing the class-data archive of each" : "")
                + " (once per build)");
        long started = System.nanoTime();
        for (Part service : missing) {
            unpack(service).ifPresent(unpacking -> running.put(service, unpacking));
        }
        for (Part service : List.copyOf(running.keySet())) {
            unpacked(service, running.remove(service));
        }
        if (!classData) {
            return;
        }
        for (Part service : missing) {
            running.put(service, train(service));
        }
        List<String> without = new ArrayList<>();
        for (Part service : missing) {
            if (!trained(service, running.remove(service))) {
                without.add(service.partName() + " (see " + setup.shown(folder(service).resolve("training.log")) + ")");
            }
        }
        say.accept("  done in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + "s"
                + (without.isEmpty() ? "" : "; no archive for " + String.join(", ", without)));
    }

    private Path currentFolder(Part service) {
        Path built = setup.builtJar(service);
        try {
            return appsOf(service).resolve(Files.size(built) + "-" + Files.getLastModifiedTime(built).toMillis() + "-" + JAVA);
        }
        catch (IOException ex) {
            throw new SagaException(setup.shown(built) + " is missing; run ./saga up --build");
        }
    }

    private Path appsOf(Part service) {
        return setup.builtJar(service).resolveSibling("app");
    }

    /** Waits until no other copy of the system is making the service's folder. */
    private FileChannel lock(Part service) {
        try {
            Files.createDirectories(appsOf(service));
            FileChannel channel = FileChannel.open(appsOf(service).resolve(folder(service).getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.lock();
            return channel;
        }
        catch (IOException ex) {
            throw new SagaException("cannot lock " + setup.shown(appsOf(service)) + ": " + ex.getMessage());
        }
    }

    /** Starts unpacking the service's jar into its folder; none when it is unpacked already. */
    private Optional<Process> unpack(Part service) {
        Path folder = folder(service);
        if (Files.isRegularFile(folder.resolve(UNPACKED))) {
            return Optional.empty();
        }
        // a folder left half unpacked (the lock is held): no instance ever ran from it
        Folders.deleteRecursively(folder);
        try {
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
        OptionalInt exit = waitFor(unpacking, UNPACK_TIMEOUT);
        if (exit.orElse(-1) != 0) {
            throw new SagaException("cannot unpack " + setup.shown(setup.builtJar(service)) + " ("
                    + (exit.isPresent() ? "exit " + exit.getAsInt() : "no end after " + UNPACK_TIMEOUT.toSeconds() + "s")
                    + "): " + tail(log));
        }
        write(folder(service).resolve(UNPACKED), "");
        delete(log);
    }

    private Path unpackLog(Part service) {
        return appsOf(service).resolve(folder(service).getFileName() + "-unpack.log");
    }

    /** This launcher's own names for what a training writes: nothing another launcher's training can write over. */
    private static String own(String name) {
        return name + "." + ProcessHandle.current().pid();
    }

    /** Starts the training: the context refreshed, then exit, the archive written as the JVM ends. */
    private Process train(Part service) {
        Path folder = folder(service);
        List<String> command = new ArrayList<>(List.of(setup.java()));
        command.addAll(setup.flags().services());
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + folder.resolve(own(ARCHIVE) + ".part"), "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-Dspring.context.exit=onRefresh", "-Dspring.kafka.admin.auto-create=false",
                "-Dserver.port=0", "-jar", jar(service).toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(setup.root().toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("training.log").toFile()).redirectInput(new File("/dev/null"));
        Map<String, String> environment = builder.environment();
        environment.putAll(setup.serviceEnvironment(Instance.only(service)));
        environment.keySet().removeIf(name -> name.startsWith("SPRING_DATASOURCE_"));
        environment.put("SAGA_DATA_DIR", folder.resolve(own("training")).toString());
        try {
            return builder.start();
        }
        catch (IOException ex) {
            throw new SagaException("cannot start " + setup.java() + ": " + ex.getMessage());
        }
    }

    /**
     * Waits for the training; names its archive {@code classes.jsa} when it ended well. A training that ended
     * badly is not tried again for this build; one that did not end in time (or was interrupted) is, at the next start.
     */
    private boolean trained(Part service, Process training) {
        Path folder = folder(service);
        Path part = folder.resolve(own(ARCHIVE) + ".part");
        OptionalInt exit = waitFor(training, setup.startTimeout());
        boolean made = exit.orElse(-1) == 0 && Files.isRegularFile(part);
        try {
            if (made) {
                Files.move(part, folder.resolve(ARCHIVE), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.deleteIfExists(part);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Folders.deleteRecursively(folder.resolve(own("training")));
        if (exit.isPresent()) {
            write(folder.resolve(TRAINED), made ? "archive made\n" : "no archive (exit " + exit.getAsInt() + "): see training.log\n");
        }
        return made;
    }

    private void deleteUnusedFolders(Part service) {
        Path current = folder(service);
        try (Stream<Path> folders = Files.list(appsOf(service))) {
            for (Path older : folders.filter(Files::isDirectory).filter(folder -> !folder.equals(current)).toList()) {
                if (ProcessHandle.allProcesses().noneMatch(process -> process.info().commandLine()
                        .filter(line -> line.contains(older.toString())).isPresent())) {
                    Folders.deleteRecursively(older);
                    Files.deleteIfExists(older.resolveSibling(older.getFileName() + ".lock"));
                }
            }
        }
        catch (IOException | UncheckedIOException ex) {
            // an older folder left is only disk space
        }
    }

    /** The process's exit value, or none when it did not end in time (it is then ended) or the wait was interrupted. */
    private static OptionalInt waitFor(Process process, Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return OptionalInt.of(process.exitValue());
            }
            process.destroyForcibly().waitFor();
            return OptionalInt.empty();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return OptionalInt.empty();
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

    private static void close(FileChannel channel) {
        try {
            channel.close();
        }
        catch (IOException ex) {
            // closing releases the lock; nothing is lost if it fails
        }
    }

    private static String names(List<Part> services) {
        return String.join(", ", services.stream().map(Part::partName).toList());
    }
}
