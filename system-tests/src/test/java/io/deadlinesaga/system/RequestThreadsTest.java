package io.deadlinesaga.system;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
    void servesRequestsOnThreadsOfTheLowestPriorityBelowTheListeners() throws Exception {
        // given: the order service has served a request and handled its events
        String holder = SagaClient.newHolder("polite");
        saga.openAccount(holder, "100");
        saga.awaitSettled(saga.placeOrderId(holder, "1", "10"), SagaSystem.DEADLINE);
        AbstractProtocol<?> http = (AbstractProtocol<?>) ((TomcatWebServer) system.webServer("order")).getTomcat()
                .getConnector().getProtocolHandler();

        // when: a task runs where requests run
        CompletableFuture<Thread> requestThread = new CompletableFuture<>();
        http.getExecutor().execute(() -> requestThread.complete(Thread.currentThread()));
        List<Thread> listenerThreads = threadsNamed("order-inbox-");

        // then
        assertThat(http.getThreadPriority()).isEqualTo(Thread.MIN_PRIORITY);
        assertThat(requestThread.get(10, TimeUnit.SECONDS).getPriority()).isEqualTo(Thread.MIN_PRIORITY);
        assertThat(listenerThreads).isNotEmpty().allMatch(thread -> thread.getPriority() == Thread.NORM_PRIORITY);
    }

    private static List<Thread> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith(prefix))
                .toList();
    }
}
