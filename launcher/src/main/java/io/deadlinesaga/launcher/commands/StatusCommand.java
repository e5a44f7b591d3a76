package io.deadlinesaga.launcher.commands;

import java.util.Optional;

import io.deadlinesaga.launcher.Console;
import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.Context;
import io.deadlinesaga.launcher.Setup;
import io.deadlinesaga.launcher.running.Network;
import io.deadlinesaga.launcher.running.Supervisor;
import picocli.CommandLine.Command;

/** {@code ./saga status}: one line per part. */
@Command(name = "status", description = "Running or stopped, pid, address and health of each part.")
public final class StatusCommand implements Runnable {

    final Context context;

    StatusCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        Setup setup = context.setup();
        Supervisor supervisor = context.supervisor();
        for (Part part : setup.parts()) {
            Optional<ProcessHandle> process = supervisor.running(part);
            if (process.isPresent()) {
                context.console().say(String.format("%-9s running  pid %-8s %-23s %s", part, process.get().pid(),
                        address(setup, part), health(setup, supervisor, part)));
            }
            else if (part == Part.KAFKA && setup.externalKafka().isPresent()) {
                context.console().say(String.format("%-9s external              %s", part, setup.externalKafka().get()));
            }
            else {
                context.console().say(String.format("%-9s stopped", part));
            }
        }
    }

    /** The table {@code up} ends with: part, address, pid, log. */
    static void printTable(Setup setup, Supervisor supervisor, Console console) {
        console.say("");
        console.say(String.format("%-9s %-23s %-8s %s", "PART", "ADDRESS", "PID", "LOG"));
        for (Part part : setup.parts()) {
            Optional<ProcessHandle> process = supervisor.running(part);
            if (part == Part.KAFKA && setup.externalKafka().isPresent() && process.isEmpty()) {
                console.say(String.format("%-9s %-23s %-8s %s", part, setup.externalKafka().get(), "external", "-"));
            }
            else {
                console.say(String.format("%-9s %-23s %-8s %s", part, address(setup, part),
                        process.map(handle -> Long.toString(handle.pid())).orElse("-"), setup.shown(setup.log(part))));
            }
        }
    }

    private static String address(Setup setup, Part part) {
        return switch (part) {
            case KAFKA -> setup.localBootstrap();
            case POSTGRES -> "127.0.0.1:" + setup.port(Part.POSTGRES);
            default -> setup.url(part);
        };
    }

    private static String health(Setup setup, Supervisor supervisor, Part part) {
        if (!part.isService()) {
            return Network.isOpen("127.0.0.1", setup.port(part)) ? "accepting connections"
                    : "not accepting connections";
        }
        return supervisor.services().isHealthy(part) ? "UP" : "not healthy (yet?)";
    }
}
