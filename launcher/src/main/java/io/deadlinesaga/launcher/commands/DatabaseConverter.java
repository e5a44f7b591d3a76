package io.deadlinesaga.launcher.commands;

import java.util.Arrays;

import io.deadlinesaga.launcher.Setup;
import picocli.CommandLine;

/** {@code --db h2} or {@code --db postgres}. */
final class DatabaseConverter implements CommandLine.ITypeConverter<Setup.Database> {

    @Override
    public Setup.Database convert(String label) {
        return Arrays.stream(Setup.Database.values()).filter(database -> database.label().equals(label)).findFirst()
                .orElseThrow(() -> new CommandLine.TypeConversionException("'" + label + "' is no database of ours "
                        + "(h2 or postgres)"));
    }
}
