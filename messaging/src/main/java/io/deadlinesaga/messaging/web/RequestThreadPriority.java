package io.deadlinesaga.messaging.web;

import org.apache.coyote.AbstractProtocol;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requests yield to the saga. Tomcat's request threads run at the lowest Java priority
 * ({@code saga.web.request-thread-priority}, 1 to 10), below the Kafka listeners, the relay and the convoy: on
 * a saturated machine a new request waits a little, while the events of orders already placed, whose deadlines
 * are running, go first. (A request's own clock starts only when its order is stored.) Java passes thread
 * priorities on to Linux only with {@code -XX:ThreadPriorityPolicy=1}, which {@code ./saga} gives every service
 * with {@code -XX:JavaPriority1_To_OSPriority=19}: priority 1 is nice 19; elsewhere this changes nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(TomcatProtocolHandlerCustomizer.class)
public class RequestThreadPriority {

    @Bean
    TomcatProtocolHandlerCustomizer<AbstractProtocol<?>> requestThreadPriority(
            @Value("${saga.web.request-thread-priority:1}") int priority) {
        if (priority < Thread.MIN_PRIORITY || priority > Thread.MAX_PRIORITY) {
            throw new IllegalArgumentException("saga.web.request-thread-priority must be 1 to 10, not " + priority);
        }
        return protocol -> protocol.setThreadPriority(priority);
    }
}
