package io.deadlinesaga.launcher.commands;

import java.util.Optional;

import io.deadlinesaga.launcher.Console;
import io.deadlinesaga.launcher.Context;
import io.deadlinesaga.launcher.Instance;
import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.Setup;
import io.deadlinesaga.launcher.running.Network;
import io.deadlinesaga.launcher.running.Supervisor;
import picocli.CommandLine.Command;

/** {@code ./saga status}: one line per instance of each part (each broker, each service instance). */
@Command(name = "status", description = "Running or stopped, pid, address and health of each instance of each part.")
public final class StatusCommand implements Runnable {

    private static final String LINE = "%-11s %-8s %-13s %-23s %s";

    final Context context;

    StatusCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        Setup setup = context.setup();
        Supervisor supervisor = context.supervisor();
        for (Instance instance : setup.instances()) {
            Optional<ProcessHandle> process = supervisor.running(instance);
            if (process.isPresent()) {
                context.console().say(String.format(LINE, instance, "running", "pid " + process.get().pid(),
                        address(setup, instance), health(setup, supervisor, instance)).stripTrailing());
            }
            else if (instance.part() == Part.KAFKA && setup.externalKafka().isPresent()) {
                context.console().say(String.format(LINE, instance, "external", "", setup.externalKafka().get(), "")
                        .stripTrailing());
            }
            else {
                context.console().say(String.format(LINE, instance, "stopped", "", address(setup, instance), "")
                        .stripTrailing());
            }
        }
    }

    /** The table {@code up} ends with: instance, address, pid, log. */
    static void printTable(Setup setup, Supervisor supervisor, Console console) {
        console.say("");
        console.say(String.format("%-11s %-23s %-8s %s", "PART", "ADDRESS", "PID", "LOG"));
        for (Instance instance : setup.instances()) {
            Optional<ProcessHandle> process = supervisor.running(instance);
            if (instance.part() == Part.KAFKA && setup.externalKafka().isPresent() && process.isEmpty()) {
                console.say(String.format("%-11s %-23s %-8s %s", instance, setup.externalKafka().get(), "external", "-"));
            }
            else {
                console.say(String.format("%-11s %-23s %-8s %s", instance, address(setup, instance),
                        process.map(handle -> Long.toString(handle.pid())).orElse("-"),
                        setup.shown(setup.log(instance))));
            }
        }
    }

    private static String address(Setup setup, Instance instance) {
        return switch (instance.part()) {
            case KAFKA -> setup.localBootstrap(instance);
            case POSTGRES -> "127.0.0.1:" + setup.port(Part.POSTGRES);
            default -> setup.url(instance);
        };
    }

    private static String health(Setup setup, Supervisor supervisor, Instance instance) {
        if (!instance.part().isService()) {
            return Network.isOpen("127.0.0.1", setup.port(instance)) ? "accepting connections"
                    : "not accepting connections";
        }
        return supervisor.services().isHealthy(instance) ? "UP" : "not healthy (yet?)";
    }
}
