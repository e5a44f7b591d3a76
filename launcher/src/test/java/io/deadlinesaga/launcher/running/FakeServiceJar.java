package io.deadlinesaga.launcher.running;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main class of a jar that answers as a service's built jar does, for {@link AppImagesTest}: with
 * {@code -Djarmode=tools ... extract --destination <folder>} it unpacks itself (the jar and an empty {@code lib/});
 * run, it starts and ends (the training's refresh-and-exit), or fails with {@code -Dfake.fails=true}.
 */
public final class FakeServiceJar {

    private FakeServiceJar() {
    }

    public static void main(String[] args) throws Exception {
        if ("tools".equals(System.getProperty("jarmode"))) {
            Path destination = Path.of(args[2]);
            Path self = Path.of(FakeServiceJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Files.createDirectories(destination.resolve("lib"));
            Files.copy(self, destination.resolve(self.getFileName()));
            return;
        }
        if (Boolean.getBoolean("fake.fails")) {
            System.exit(3);
        }
    }
}
