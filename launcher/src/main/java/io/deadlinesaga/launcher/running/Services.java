package io.deadlinesaga.launcher.running;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.deadlinesaga.launcher.Instance;
import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.SagaException;
import io.deadlinesaga.launcher.Setup;

/** The services as processes: started from their builds, healthy when their actuator says UP. */
public final class Services {

    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);
    private static final Duration PORT_FREED = Duration.ofSeconds(10);

    private final Setup setup;
    private final Processes processes;
    private final AppImages images;

    public Services(Setup setup, Processes processes) {
        this.setup = setup;
        this.processes = processes;
        this.images = new AppImages(setup);
    }

    public boolean isHealthy(Instance service) {
        Network.Answer answer = Network.get(setup.url(service) + "/actuator/health", "application/json");
        return answer.status() == 200 && answer.body().matches("(?s).*\"status\"\\s*:\\s*\"UP\".*");
    }

    /** Makes what the services given run from, once per build ({@link AppImages}). */
    public void prepare(List<Instance> instances, Consumer<String> say) {
        images.prepare(instances.stream().map(Instance::part).toList(), say);
    }

    /**
     * Starts one instance of a service without waiting, from its build's folder ({@link AppImages}, made by
     * {@link #prepare}) with the class-data archive there, if any. A later build makes a new folder and never
     * touches the one a running JVM reads; a restart picks up the new build.
     */
    public ProcessHandle launch(Instance instance) {
        Part service = instance.part();
        // a process killed a moment ago may still hold it
        if (!Waiting.until(() -> !Network.isOpen("127.0.0.1", setup.port(instance)), PORT_FREED)) {
            throw new SagaException("cannot start " + instance + ": port " + setup.port(instance)
                    + " is already in use by another process");
        }
        Path jar = images.jar(service);
        if (!Files.isRegularFile(jar)) {
            throw new SagaException(setup.shown(jar) + " is missing; run ./saga up");
        }
        List<String> command = new ArrayList<>(List.of(setup.java()));
        command.addAll(setup.flags().services());
        images.archive(service).ifPresent(archive -> command.add("-XX:SharedArchiveFile=" + archive));
        command.addAll(List.of(setup.processMark(instance), "-jar", jar.toString()));
        return processes.launch(instance, command, setup.serviceEnvironment(instance),
                service.yieldsTheCpu() ? setup.yieldNice() : 0);
    }

    /**
     * Waits until every service given answers its health URL; says each one as it comes up, and for one that
     * exits or times out prints the end of its log.
     *
     * @param progress where the waiting is shown as it goes (a terminal's status line), or null
     * @throws SagaException when any of them did not come up
     */
    public void awaitHealthy(List<Instance> services, Consumer<String> say, Consumer<String> progress) {
        say.accept("Waiting for " + names(services) + " to answer /actuator/health (up to "
                + setup.startTimeout().toSeconds() + "s)");
        Set<Instance> pending = new LinkedHashSet<>(services);
        List<Instance> failed = new ArrayList<>();
        long started = System.nanoTime();
        long nextReport = REPORT_EVERY.toSeconds();
        while (!pending.isEmpty()) {
            long elapsed = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            for (Instance service : List.copyOf(pending)) {
                if (isHealthy(service)) {
                    say.accept("  " + service + " is up after " + elapsed + "s");
                    pending.remove(service);
                }
                else if (!processes.isRunning(service)) {
                    say.accept("  " + service + " EXITED after " + elapsed + "s");
                    processes.logTail(service, 40).forEach(say);
                    failed.add(service);
                    pending.remove(service);
                }
                else if (elapsed >= setup.startTimeout().toSeconds()) {
                    say.accept("  " + service + " is still not healthy after " + setup.startTimeout().toSeconds()
                            + "s (pid " + processes.running(service).map(ProcessHandle::pid).orElse(0L)
                            + " left running)");
                    processes.logTail(service, 40).forEach(say);
                    failed.add(service);
                    pending.remove(service);
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (progress != null) {
                progress.accept(String.format("  %3ds  starting: %s", elapsed, names(pending)));
            }
            else if (elapsed >= nextReport) {
                say.accept("  " + elapsed + "s, still starting: " + names(pending));
                nextReport += REPORT_EVERY.toSeconds();
            }
            Waiting.pause(Duration.ofSeconds(1));
        }
        if (!failed.isEmpty()) {
            throw new SagaException("failed to start: " + names(failed)
                    + "  (./saga logs <service>; ./saga down stops the rest)");
        }
    }

    private static String names(Iterable<Instance> parts) {
        List<String> names = new ArrayList<>();
        parts.forEach(part -> names.add(part.name()));
        return String.join(" ", names);
    }
}
