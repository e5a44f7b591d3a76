package io.deadlinesaga.launcher.commands;

import java.util.ArrayList;
import java.util.List;

import io.deadlinesaga.launcher.Context;
import io.deadlinesaga.launcher.Instance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The commands on one part, or one instance of it: start, stop, restart, kill. */
public final class PartCommands {

    private PartCommands() {
    }

    /** A command on the part (every instance of it) or the one instance it names. */
    abstract static class OnePart implements Runnable {

        final Context context;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "<part>", arity = "1..*", description = "kafka, postgres or a service (every instance "
                + "of it), or one instance: order-2, kafka-3 … (./saga status lists them); several at once")
        List<String> names;

        OnePart(Context context) {
            this.context = context;
        }

        /** The instances the names stand for; an unknown name is an error that lists the names. */
        List<Instance> named() {
            List<Instance> instances = new ArrayList<>();
            for (String name : names) {
                List<Instance> named = context.setup().named(name);
                if (named.isEmpty()) {
                    throw new ParameterException(spec.commandLine(), "unknown part '" + name + "' (one of: "
                            + context.setup().names() + ")");
                }
                named.stream().filter(instance -> !instances.contains(instance)).forEach(instances::add);
            }
            return instances;
        }
    }

    @Command(name = "start", description = "Start one part (or one instance of it) and wait until it is healthy (a "
            + "service is built first if needed, as up does).")
    public static final class Start extends OnePart {

        Start(Context context) {
            super(context);
        }

        @Mixin
        BuildOptions build;

        @Override
        public void run() {
            context.supervisor().start(named());
        }
    }

    @Command(name = "stop", description = "Stop one part (or one instance of it): SIGTERM, and SIGKILL if it has not "
            + "ended in time.")
    public static final class Stop extends OnePart {

        Stop(Context context) {
            super(context);
        }

        @Override
        public void run() {
            context.supervisor().stop(named());
        }
    }

    @Command(name = "restart", description = "Stop, then start one part or instance (a service picks up the latest "
            + "build); several instances one after another, each ready before the next stops.")
    public static final class Restart extends OnePart {

        Restart(Context context) {
            super(context);
        }

        @Mixin
        BuildOptions build;

        @Override
        public void run() {
            // one instance at a time, each ready before the next stops: the others serve meanwhile
            for (Instance instance : named()) {
                context.supervisor().stop(instance);
                context.supervisor().start(instance);
            }
        }
    }

    @Command(name = "kill", description = "SIGKILL one part or instance, as a power cut; it is not started again "
            + "(./saga start does).")
    public static final class Kill extends OnePart {

        Kill(Context context) {
            super(context);
        }

        @Override
        public void run() {
            context.supervisor().kill(named());
        }
    }
}
