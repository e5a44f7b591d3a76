package io.deadlinesaga.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * One instance of a service behind the gateway: a real HTTP server on a free port that answers every request with
 * its name, and remembers what it received ({@code "POST /orders"}). Its health ({@code GET /actuator/health}) is
 * 200 or 503 as set, and not remembered. A breaking one takes in a request to a path ending in {@code /cut} and
 * closes the connection without an answer, as a process killed mid-request does, and never answers one ending in
 * {@code /slow}.
 */
final class Backend implements AutoCloseable {

    private final String name;
    private final boolean breaking;
    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile boolean healthy = true;
    private volatile boolean stopped;

    private Backend(String name, boolean breaking) {
        this.name = name;
        this.breaking = breaking;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    static Backend answering(String name) {
        return new Backend(name, false);
    }

    static Backend breaking(String name) {
        return new Backend(name, true);
    }

    /** A URL where nothing listens: a connection to it is refused. */
    static String refusingUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String name() {
        return name;
    }

    /** How many requests {@code "<method> <path>"} it received. */
    long received(String request) {
        return received.stream().filter(request::equals).count();
    }

    void healthy(boolean healthy) {
        this.healthy = healthy;
    }

    /** Stops listening and closes every connection, as a killed process does. */
    @Override
    public void close() {
        if (!stopped) {
            stopped = true;
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if ("/actuator/health".equals(path)) {
            answer(exchange, healthy ? 200 : 503, healthy ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
            return;
        }
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        received.add(exchange.getRequestMethod() + " " + path);
        if (breaking && path.endsWith("/cut")) {
            // closed before any answer was sent: the connection goes, and the gateway sees no response
            exchange.close();
            return;
        }
        if (breaking && path.endsWith("/slow")) {
            return;
        }
        answer(exchange, 200, name);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
