package io.deadlinesaga.launcher.commands;

import picocli.CommandLine.Option;

/**
 * {@code --build} and {@code --no-build}: acted on by {@code ./saga} itself before this launcher runs (it builds
 * with Maven when a jar is missing or older than its sources); declared here so that they are known and shown.
 */
public final class BuildOptions {

    @Option(names = "--build", description = "build first, even if nothing changed")
    boolean build;

    @Option(names = "--no-build", description = "never build; run the jars as they are")
    boolean noBuild;
}
