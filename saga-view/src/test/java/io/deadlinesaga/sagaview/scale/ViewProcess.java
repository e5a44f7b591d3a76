package io.deadlinesaga.sagaview.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import io.deadlinesaga.sagaview.SagaViewApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The saga view as a process of its own, as {@code ./saga} runs it: a JVM with a small heap that exits on
 * running out of it, on this test's classpath, with its data folder and its log file.
 */
final class ViewProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private ViewProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the view in a JVM of {@code heap} (e.g. {@code 96m}), reading from the broker into {@code dataDir}. */
    static ViewProcess start(String heap, String bootstrapServers, Path dataDir, Path log) {
        try {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-Xss512k"));
            // more JVM options, e.g. a flight recording: -Dsaga.view.java-options="-XX:StartFlightRecording=..."
            String more = System.getProperty("saga.view.java-options", "").strip();
            if (!more.isEmpty()) {
                command.addAll(List.of(more.split("\\s+")));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), SagaViewApplication.class.getName(),
                    "--server.port=" + port, "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                    "--SAGA_DATA_DIR=" + dataDir, "--spring.main.banner-mode=off"));
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new ViewProcess(process, port, log);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    Response get(String path) {
        return get(path, "application/json");
    }

    Response get(String path, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Retry-After").orElse(""),
                    body(response.body()));
        }
        catch (IOException notAnsweringYet) {
            return new Response(0, "", JSON.missingNode());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static JsonNode body(String text) {
        if (text.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(text);
        }
        catch (RuntimeException notJson) {
            return JSON.getNodeFactory().stringNode(text);
        }
    }

    /** The value of a counter or gauge as {@code /actuator/prometheus} shows it. */
    double metric(String prometheusName) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body().lines()
                    .filter(line -> line.startsWith(prometheusName + " ") || line.startsWith(prometheusName + "{"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no metric " + prometheusName));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Its resident memory in KB, as Linux counts it (VmRSS); empty where there is no /proc. */
    OptionalLong residentKilobytes() {
        try {
            return Files.readAllLines(Paths.get("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst();
        }
        catch (IOException noProc) {
            return OptionalLong.empty();
        }
    }

    /** The CPU time it has used so far, over all its threads. */
    Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** As {@code kill -9}: no shutdown hook, nothing flushed. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** As {@code kill}: it shuts down in order; SIGKILL if it has not within 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** An answer: its status (0 when nobody answered), its Retry-After header and its JSON body. */
    record Response(int status, String retryAfter, JsonNode body) {
    }
}
