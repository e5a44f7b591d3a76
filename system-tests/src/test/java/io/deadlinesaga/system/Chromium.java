package io.deadlinesaga.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real headless Chromium (Debian's {@code chromium}) run as a user's machine would: a fresh profile, no network
 * but localhost, and ten seconds of virtual time for the page's scripts and their requests before it answers.
 */
final class Chromium {

    private static final Path BINARY = Paths.get("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private Chromium() {
    }

    /** The page's DOM once its scripts have run. */
    static String dom(String url) throws IOException, InterruptedException {
        return run("--dump-dom", url);
    }

    /** The page as drawn in a window of that size, kept as {@code target/screenshots/<name>.png} for people too. */
    static Screenshot screenshot(String url, String name, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png").toAbsolutePath();
        run("--screenshot=" + file, "--window-size=" + width + "," + height, url);
        assertThat(file).exists();
        return new Screenshot(ImageIO.read(file.toFile()));
    }

    private static String run(String... args) throws IOException, InterruptedException {
        assertThat(BINARY).as("headless Chromium (apt-get install chromium)").exists();
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--virtual-time-budget=10000"));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("chromium", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return Files.readString(output);
    }
}
