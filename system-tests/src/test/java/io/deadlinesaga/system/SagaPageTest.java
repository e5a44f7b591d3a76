package io.deadlinesaga.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The timeline page, opened through the gateway in real headless {@link Chromium}: its DOM after the page's
 * script has run, and a screenshot with every lane's events drawn in its colour.
 */
class SagaPageTest {

    private static final Duration SETTLES = Duration.ofSeconds(20);

    private final SagaSystem system = SagaSystem.get();
    private final SagaClient saga = system.client();

    @Test
    void drawsAnApprovedOrdersTimelineLaneByLane() throws Exception {
        // given
        long orderId = settledOrder("10000", "500");

        // when
        String dom = Chromium.dom(url(orderId));
        Screenshot screenshot = screenshot(orderId, "approved");

        // then
        assertThat(dom).contains("data-verdict=\"CONSISTENT\"")
                .contains("data-type=\"OrderCreated\" data-lane=\"order\"")
                .contains("data-type=\"ExchangeSucceed\" data-lane=\"exchange\"")
                .contains("data-type=\"PointUsed\" data-lane=\"point\"")
                .contains("data-type=\"OrderPlaced\" data-lane=\"order\"")
                .contains("Order " + orderId);
        assertThat(screenshot.width()).isEqualTo(1200);
        assertThat(screenshot.pixelsNear(0x1a73e8)).as("order's events, blue").isGreaterThan(100);
        assertThat(screenshot.pixelsNear(0xe8710a)).as("exchange's event, orange").isGreaterThan(50);
        assertThat(screenshot.pixelsNear(0x188038)).as("point's event, green").isGreaterThan(50);
        assertThat(screenshot.pixelsNear(0x1e8e3e)).as("the APPROVED and CONSISTENT badges").isGreaterThan(200);
    }

    @Test
    void drawsACompensatedOrdersChainAndItsDeadline() throws Exception {
        // given
        long orderId = settledOrder("10", "500");

        // when
        String dom = Chromium.dom(url(orderId));
        Screenshot screenshot = screenshot(orderId, "compensated");

        // then
        assertThat(dom).contains("data-verdict=\"CONSISTENT\"")
                .contains("data-type=\"OrderRejected\" data-lane=\"order\"")
                .contains("data-type=\"ExchangeCompensated\" data-lane=\"exchange\"")
                .contains("data-type=\"PointUseCompensated\" data-lane=\"point\"")
                .contains("class=\"deadline\"");
        assertThat(screenshot.pixelsNear(0xb3261e)).as("the deadline line and the REJECTED badge, red")
                .isGreaterThan(200);
        assertThat(screenshot.pixelsNear(0xe8710a)).as("exchange's events, orange").isGreaterThan(50);
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

    private Screenshot screenshot(long orderId, String name) throws Exception {
        return Chromium.screenshot(url(orderId), name + "-" + orderId, 1200, 900);
    }
}
