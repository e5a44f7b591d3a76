package io.deadlinesaga.launcher.running;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The launcher's view of the network: is a port open, what does a URL answer. */
public final class Network {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private Network() {
    }

    /** One HTTP answer; status 0 when nothing answered. */
    public record Answer(int status, String body) {

        public boolean isUnreachable() {
            return status == 0;
        }
    }

    public static boolean isOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    /** {@code host:port}, the first of a bootstrap list, open? Unknown forms count as open. */
    public static boolean isOpen(String address) {
        String first = address.split(",")[0].replaceFirst("^[a-zA-Z]+://", "");
        int colon = first.lastIndexOf(':');
        if (colon < 0 || !first.substring(colon + 1).matches("\\d{1,5}")) {
            return true;
        }
        return isOpen(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)));
    }

    public static Answer get(String url, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", accept).GET()
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        }
        catch (IOException ex) {
            return new Answer(0, ex.toString());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }
}
