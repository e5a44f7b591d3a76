package io.deadlinesaga.launcher;

import java.lang.reflect.Constructor;

import picocli.CommandLine;

/** Makes each command with the context it works in; anything else (options, mixins) as picocli would. */
final class CommandFactory implements CommandLine.IFactory {

    private final Context context;
    private final CommandLine.IFactory defaults = CommandLine.defaultFactory();

    CommandFactory(Context context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            Constructor<K> constructor = type.getDeclaredConstructor(Context.class);
            constructor.setAccessible(true);
            return constructor.newInstance(context);
        }
        catch (NoSuchMethodException noContext) {
            return defaults.create(type);
        }
    }
}
