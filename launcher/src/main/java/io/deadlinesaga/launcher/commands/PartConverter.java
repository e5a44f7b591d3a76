package io.deadlinesaga.launcher.commands;

import io.deadlinesaga.launcher.Part;
import picocli.CommandLine;

/** A part's name on the command line, e.g. {@code point}; an unknown name is an error that lists the parts. */
final class PartConverter implements CommandLine.ITypeConverter<Part> {

    @Override
    public Part convert(String name) {
        return Part.named(name).orElseThrow(() -> new CommandLine.TypeConversionException(
                "unknown part '" + name + "' (one of: " + Part.names() + ")"));
    }
}
