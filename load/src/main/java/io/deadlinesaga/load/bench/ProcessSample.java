package io.deadlinesaga.load.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The CPU time and resident memory of the system's processes at one moment, read from Linux's {@code /proc}: each
 * process with a pid file in the data folder's {@code run/} (the services and the broker), named after its file
 * ({@code order}, {@code order-2}, {@code kafka-1} …), and the launcher itself as {@code load}, since the load
 * driver runs in it; and, when {@code ./saga up --db postgres} runs its PostgreSQL server in the data folder, that
 * server as {@code postgres}: its postmaster (from {@code postgres/data/postmaster.pid}) with every backend under it,
 * their CPU time added up, and its resident memory the postmaster's plus each backend's own (anonymous) pages, so
 * the shared buffers count once. A process that is not running is left out.
 *
 * @param pids each process's pid, by name
 * @param cpuTicks user and system CPU time of each process, in clock ticks
 * @param residentBytes resident memory (VmRSS) of each process
 */
record ProcessSample(Map<String, Long> pids, Map<String, Long> cpuTicks, Map<String, Long> residentBytes) {

    /** The name of the launcher's own process, where the load driver runs. */
    static final String LOAD = "load";

    /** The name of the local PostgreSQL server, its postmaster and backends together. */
    static final String POSTGRES = "postgres";

    /** Takes a sample of the processes with a pid file in {@code runDir}, of this process and of a local PostgreSQL. */
    static ProcessSample take(Path runDir) {
        Map<String, Long> pids = new TreeMap<>(pidFiles(runDir));
        pids.put(LOAD, ProcessHandle.current().pid());
        Map<String, Long> ticks = new TreeMap<>();
        Map<String, Long> resident = new TreeMap<>();
        pids.forEach((name, pid) -> {
            ticksOf(pid).ifPresent(value -> ticks.put(name, value));
            memoryOf(pid, "VmRSS:").ifPresent(bytes -> resident.put(name, bytes));
        });
        pids.keySet().retainAll(ticks.keySet());
        postmaster(runDir.resolveSibling(POSTGRES).resolve("data").resolve("postmaster.pid")).ifPresent(postmaster -> {
            long[] sums = {ticksOf(postmaster).orElse(0L), memoryOf(postmaster, "VmRSS:").orElse(0L)};
            ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::descendants).forEach(backend -> {
                sums[0] += ticksOf(backend.pid()).orElse(0L);
                sums[1] += memoryOf(backend.pid(), "RssAnon:").orElse(0L);
            });
            pids.put(POSTGRES, postmaster);
            ticks.put(POSTGRES, sums[0]);
            resident.put(POSTGRES, sums[1]);
        });
        return new ProcessSample(pids, ticks, resident);
    }

    /** The process's user and system CPU time, in clock ticks; empty once it has gone. */
    private static Optional<Long> ticksOf(long pid) {
        return read(proc(pid).resolve("stat")).map(ProcessSample::cpuTicks);
    }

    /** A memory line of the process's {@code status} ({@code VmRSS:}, {@code RssAnon:} …), in bytes. */
    private static Optional<Long> memoryOf(long pid, String field) {
        return read(proc(pid).resolve("status")).flatMap(status -> memory(status, field));
    }

    private static Path proc(long pid) {
        return Path.of("/proc", Long.toString(pid));
    }

    /** The postmaster's pid, the first line of its pid file, while it runs. */
    private static Optional<Long> postmaster(Path pidFile) {
        return read(pidFile).flatMap(text -> text.lines().findFirst()).map(String::strip)
                .filter(pid -> pid.matches("\\d{1,10}")).map(Long::parseLong)
                .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    /**
     * The CPU time each process spent since {@code before}, in ms per saga: only for a process with the same pid in
     * both samples (one that restarted in between started its count again).
     *
     * @param ticksPerSecond the kernel's clock ticks per second ({@code getconf CLK_TCK})
     * @param sagas the sagas decided meanwhile; none gives no figures
     */
    Map<String, Double> cpuMsPerSagaSince(ProcessSample before, long ticksPerSecond, int sagas) {
        Map<String, Double> perSaga = new TreeMap<>();
        if (sagas <= 0) {
            return perSaga;
        }
        cpuTicks.forEach((name, ticks) -> {
            if (pids.get(name).equals(before.pids.get(name))) {
                perSaga.put(name, (ticks - before.cpuTicks.get(name)) * 1000.0 / ticksPerSecond / sagas);
            }
        });
        return perSaga;
    }

    /**
     * User plus system CPU time of a {@code /proc/<pid>/stat} line, fields 14 and 15, in clock ticks. Field 2 is the
     * command name in parentheses, which may itself hold spaces and parentheses: the fields are counted from the
     * last ')'.
     *
     * @throws IllegalArgumentException when the line is not such a line
     */
    static long cpuTicks(String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
        }
        // from field 3 (the state) on
        String[] fields = stat.substring(end + 1).trim().split("\\s+");
        if (fields.length < 13) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
        }
        return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
    }

    private static Optional<Long> memory(String status, String field) {
        return status.lines().filter(line -> line.startsWith(field))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024).findFirst();
    }

    private static Map<String, Long> pidFiles(Path runDir) {
        Map<String, Long> pids = new TreeMap<>();
        if (!Files.isDirectory(runDir)) {
            return pids;
        }
        try (Stream<Path> files = Files.list(runDir)) {
            files.filter(file -> file.getFileName().toString().endsWith(".pid")).forEach(file -> read(file)
                    .map(String::strip).filter(text -> text.matches("\\d{1,10}"))
                    .ifPresent(pid -> pids.put(file.getFileName().toString().replaceFirst("\\.pid$", ""),
                            Long.parseLong(pid))));
        }
        catch (IOException unreadable) {
            return pids;
        }
        return pids;
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        }
        catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    /**
     * The kernel's clock ticks per second, as {@code getconf CLK_TCK} tells; 100 (Linux's value on every common
     * architecture) when it cannot be asked.
     */
    static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes()).strip();
            return getconf.waitFor() == 0 && answer.matches("\\d{1,6}") ? Long.parseLong(answer) : 100;
        }
        catch (IOException ex) {
            return 100;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
