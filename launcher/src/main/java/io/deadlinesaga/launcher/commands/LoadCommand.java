package io.deadlinesaga.launcher.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.deadlinesaga.contract.Wire;
import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.Saga;
import io.deadlinesaga.launcher.Setup;
import io.deadlinesaga.load.LoadMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/** {@code ./saga load [options]}: the load driver, pointed at this copy's gateway, broker and data folder. */
@Command(name = "load", description = {"Open accounts and place orders through the gateway at a fixed rate, wait "
        + "for every decision and compensation, and check the invariants I1-I6.",
        "./saga load --help for its options (by default --orders 200 --rate 20 --users 50)."})
public final class LoadCommand implements Callable<Integer> {

    @ParentCommand
    Saga saga;

    @Unmatched
    List<String> options = new ArrayList<>();

    @Override
    public Integer call() {
        return run(saga, options);
    }

    /** The load driver's exit status; options given after this copy's addresses win over them. */
    public static int run(Saga saga, List<String> options) {
        Setup setup = saga.setup();
        List<String> args = new ArrayList<>(List.of("--gateway", setup.url(Part.GATEWAY), "--bootstrap-servers",
                setup.bootstrapServers(), "--topic", Wire.TOPIC, "--data-dir", setup.dataDir().toString()));
        args.addAll(options);
        return LoadMain.run(args, System.getenv(), saga.console().out(), saga.console().err());
    }
}
