package io.deadlinesaga.system;

import java.util.List;

import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;

import org.springframework.boot.tomcat.TomcatWebServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests yield to the saga: a service serves HTTP on threads of the lowest priority, below its Kafka
 * listener's, so that on a saturated machine the events of placed orders go before new requests.
 */
class RequestThreadsTest {

    private final SagaSystem system = SagaSystem.get();
    private final SagaClient saga = system.client();

    @Test
    void servesRequestsOnThreadsOfTheLowestPriorityBelowTheListeners() {
        // given: the order service has served a request and handled its events
        String holder = SagaClient.newHolder("polite");
        saga.openAccount(holder, "100");
        saga.awaitSettled(saga.placeOrderId(holder, "1", "10"), SagaSystem.DEADLINE);
        TomcatWebServer server = (TomcatWebServer) system.webServer("order");
        AbstractProtocol<?> http = (AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler();
        // the connector is named "http-nio-auto-1-<port>", its request threads "http-nio-auto-1-exec-<n>"
        String connector = http.getName().replace("\"", "").replaceFirst("-" + server.getPort() + "$", "");

        // when
        List<Thread> requestThreads = threadsNamed(connector + "-exec-");
        List<Thread> listenerThreads = threadsNamed("order-inbox-");

        // then
        assertThat(http.getThreadPriority()).isEqualTo(Thread.MIN_PRIORITY);
        assertThat(requestThreads).isNotEmpty().allMatch(thread -> thread.getPriority() == Thread.MIN_PRIORITY);
        assertThat(listenerThreads).isNotEmpty().allMatch(thread -> thread.getPriority() == Thread.NORM_PRIORITY);
    }

    private static List<Thread> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith(prefix))
                .toList();
    }
}
