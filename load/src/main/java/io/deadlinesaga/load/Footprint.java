package io.deadlinesaga.load;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a run leaves behind on this machine, read from the data folder of {@code ./saga}: the bytes of the
 * services' databases ({@code db/}) and of the whole folder (Kafka's log and the logs too), and the resident
 * memory of each process whose pid is in {@code run/}.
 *
 * @param databaseBytes bytes of the files under {@code db/}
 * @param folderBytes bytes of every file in the folder
 * @param residentBytes resident memory of each running part, by name
 */
record Footprint(long databaseBytes, long folderBytes, Map<String, Long> residentBytes) {

    /** The footprint now; null when there is no such folder (a system that {@code ./saga} did not start here). */
    static Footprint of(Path dataFolder) {
        if (dataFolder == null || !Files.isDirectory(dataFolder)) {
            return null;
        }
        return new Footprint(bytesUnder(dataFolder.resolve("db")), bytesUnder(dataFolder), resident(dataFolder.resolve("run")));
    }

    /**
     * Prints the footprint before and after a run, with the databases' bytes per order: orders are numbered
     * from 1 in the order service, so before the run it held {@code firstOrderId - 1} orders, after it
     * {@code lastOrderId}.
     */
    static void print(Footprint before, Footprint after, long firstOrderId, long lastOrderId, PrintStream out) {
        if (before == null || after == null) {
            return;
        }
        long ordersBefore = Math.max(firstOrderId - 1, 0);
        out.printf(Locale.ROOT, "footprint     databases %s before (%s per order of %d), %s after (%s per order of %d)%n",
                size(before.databaseBytes), perOrder(before.databaseBytes, ordersBefore), ordersBefore,
                size(after.databaseBytes), perOrder(after.databaseBytes, lastOrderId), lastOrderId);
        out.printf(Locale.ROOT, "              data folder %s before, %s after (the databases, Kafka's log, the logs)%n",
                size(before.folderBytes), size(after.folderBytes));
        StringBuilder resident = new StringBuilder();
        after.residentBytes.forEach((part, bytes) -> {
            Long earlier = before.residentBytes.get(part);
            resident.append(resident.isEmpty() ? "" : ", ").append(part).append(' ');
            resident.append(earlier == null ? size(bytes) : String.format(Locale.ROOT, "%s -> %s (%+.1f %%)",
                    size(earlier), size(bytes), 100.0 * (bytes - earlier) / earlier));
        });
        out.printf("              resident  %s%n", resident);
    }

    private static String perOrder(long bytes, long orders) {
        return orders == 0 ? "-" : size(bytes / orders);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    private static long bytesUnder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(Footprint::sizeOf).sum();
        }
        catch (IOException | UncheckedIOException ex) {
            return 0; // a file went away while it was walked (Kafka rolls its segments): the next look counts
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        }
        catch (IOException gone) {
            return 0;
        }
    }

    /** Resident memory of each part whose pid file names a running process (Linux's /proc). */
    private static Map<String, Long> resident(Path pids) {
        Map<String, Long> resident = new TreeMap<>();
        if (!Files.isDirectory(pids)) {
            return resident;
        }
        try (Stream<Path> files = Files.list(pids)) {
            files.filter(file -> file.getFileName().toString().endsWith(".pid")).forEach(file -> {
                String part = file.getFileName().toString().replaceFirst("\\.pid$", "");
                try {
                    String pid = Files.readString(file).trim();
                    residentOf(Path.of("/proc", pid, "status")).ifPresent(bytes -> resident.put(part, bytes));
                }
                catch (IOException | RuntimeException notRunning) {
                    // no such process now: nothing to report for it
                }
            });
        }
        catch (IOException ex) {
            return resident;
        }
        return resident;
    }

    private static java.util.Optional<Long> residentOf(Path status) throws IOException {
        if (!Files.isReadable(status)) {
            return java.util.Optional.empty();
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024).findFirst();
    }
}
