package io.deadlinesaga.launcher.commands;

import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.Context;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The commands on one part: start, stop, restart. */
public final class PartCommands {

    private PartCommands() {
    }

    /** A command on the part it names. */
    abstract static class OnePart implements Runnable {

        final Context context;

        @Parameters(paramLabel = "<part>", converter = PartConverter.class, description = "kafka or a service")
        Part part;

        OnePart(Context context) {
            this.context = context;
        }
    }

    @Command(name = "start", description = "Start one part and wait until it is healthy (a service is built first "
            + "if needed, as up does).")
    public static final class Start extends OnePart {

        Start(Context context) {
            super(context);
        }

        @Mixin
        BuildOptions build;

        @Override
        public void run() {
            context.supervisor().start(part);
        }
    }

    @Command(name = "stop", description = "Stop one part: SIGTERM, and SIGKILL if it has not ended in time.")
    public static final class Stop extends OnePart {

        Stop(Context context) {
            super(context);
        }

        @Override
        public void run() {
            context.supervisor().stop(part);
        }
    }

    @Command(name = "restart", description = "Stop, then start one part (a service picks up the latest build).")
    public static final class Restart extends OnePart {

        Restart(Context context) {
            super(context);
        }

        @Mixin
        BuildOptions build;

        @Override
        public void run() {
            context.supervisor().stop(part);
            context.supervisor().start(part);
        }
    }
}
