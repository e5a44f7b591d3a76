package io.deadlinesaga.system;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The timeline page, opened through the gateway in real headless Chromium (Debian's {@code chromium}): its
 * DOM after the page's script has run, and a screenshot with every lane's events drawn in its colour.
 */
class SagaPageTest {

    private static final Duration SETTLES = Duration.ofSeconds(20);
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final SagaSystem system = SagaSystem.get();
    private final SagaClient saga = system.client();

    @Test
    void drawsAnApprovedOrdersTimelineLaneByLane() throws Exception {
        // given
        long orderId = settledOrder("10000", "500");

        // when
        String dom = chromium("--dump-dom", url(orderId));
        BufferedImage screenshot = screenshot(orderId, "approved");

        // then
        assertThat(dom).contains("data-verdict=\"CONSISTENT\"")
                .contains("data-type=\"OrderCreated\" data-lane=\"order\"")
                .contains("data-type=\"ExchangeSucceed\" data-lane=\"exchange\"")
                .contains("data-type=\"PointUsed\" data-lane=\"point\"")
                .contains("data-type=\"OrderPlaced\" data-lane=\"order\"")
                .contains("Order " + orderId);
        assertThat(screenshot.getWidth()).isEqualTo(1200);
        assertThat(pixelsNear(screenshot, 0x1a73e8)).as("order's events, blue").isGreaterThan(100);
        assertThat(pixelsNear(screenshot, 0xe8710a)).as("exchange's event, orange").isGreaterThan(50);
        assertThat(pixelsNear(screenshot, 0x188038)).as("point's event, green").isGreaterThan(50);
        assertThat(pixelsNear(screenshot, 0x1e8e3e)).as("the APPROVED and CONSISTENT badges").isGreaterThan(200);
    }

    @Test
    void drawsACompensatedOrdersChainAndItsDeadline() throws Exception {
        // given
        long orderId = settledOrder("10", "500");

        // when
        String dom = chromium("--dump-dom", url(orderId));
        BufferedImage screenshot = screenshot(orderId, "compensated");

        // then
        assertThat(dom).contains("data-verdict=\"CONSISTENT\"")
                .contains("data-type=\"OrderRejected\" data-lane=\"order\"")
                .contains("data-type=\"ExchangeCompensated\" data-lane=\"exchange\"")
                .contains("data-type=\"PointUseCompensated\" data-lane=\"point\"")
                .contains("class=\"deadline\"");
        assertThat(pixelsNear(screenshot, 0xb3261e)).as("the deadline line and the REJECTED badge, red")
                .isGreaterThan(200);
        assertThat(pixelsNear(screenshot, 0xe8710a)).as("exchange's events, orange").isGreaterThan(50);
    }

    private long settledOrder(String balance, String amount) {
        String holder = SagaClient.newHolder("pictured");
        saga.openAccount(holder, balance);
        long orderId = saga.placeOrderId(holder, "1", amount);
        saga.awaitSettled(orderId, SETTLES);
        await().atMost(SETTLES).until(() -> "CONSISTENT".equals(
                saga.http().get("/sagas/" + orderId).body().path("verdict").asString("")));
        return orderId;
    }

    private String url(long orderId) {
        return saga.http().base() + "/sagas/" + orderId;
    }

    private BufferedImage screenshot(long orderId, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + "-" + orderId + ".png").toAbsolutePath();
        chromium("--screenshot=" + file, "--window-size=1200,900", url(orderId));
        assertThat(file).exists();
        return ImageIO.read(file.toFile());
    }

    /** Runs headless Chromium as a user's machine would, with a fresh profile and no network but localhost. */
    private static String chromium(String... args) throws IOException, InterruptedException {
        assertThat(CHROMIUM).as("headless Chromium (apt-get install chromium)").exists();
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
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

    private static long pixelsNear(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (close(image.getRGB(x, y), rgb)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean close(int a, int b) {
        return Math.abs((a >> 16 & 0xff) - (b >> 16 & 0xff)) < 12 && Math.abs((a >> 8 & 0xff) - (b >> 8 & 0xff)) < 12
                && Math.abs((a & 0xff) - (b & 0xff)) < 12;
    }
}
