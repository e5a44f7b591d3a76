package io.deadlinesaga.launcher.commands;

import java.util.List;
import java.util.concurrent.Callable;

import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.Context;
import io.deadlinesaga.launcher.Setup;
import io.deadlinesaga.load.LoadArguments;
import io.deadlinesaga.load.LoadMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ./saga load [options]}: the load driver, in this process, pointed at this copy's gateway, broker and data
 * folder unless its options say otherwise. Its options and help are the load driver's own.
 */
@Command(name = "load")
public final class LoadCommand implements Callable<Integer> {

    final Context context;

    LoadCommand(Context context) {
        this.context = context;
    }

    @Mixin
    LoadArguments arguments;

    @Override
    public Integer call() {
        Setup setup = context.setup();
        arguments.defaultAddresses(setup.url(Part.GATEWAY), setup.bootstrapServers(), setup.dataDir());
        return LoadMain.run(arguments, context.environment(), context.console().out(), context.console().err());
    }

    /** A load from a command line (the chaos command's), with this copy's addresses first; its exit status. */
    public static int run(Context context, List<String> options) {
        Setup setup = context.setup();
        List<String> args = new java.util.ArrayList<>(List.of("--gateway", setup.url(Part.GATEWAY),
                "--bootstrap-servers", setup.bootstrapServers(), "--data-dir", setup.dataDir().toString()));
        args.addAll(options);
        return LoadMain.run(args, context.environment(), context.console().out(), context.console().err());
    }
}
