package io.deadlinesaga.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.Set;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.cloud.gateway.support.HasRouteId;
import org.springframework.http.HttpMethod;

/**
 * The filter {@code Failover=<retries>}: Spring Cloud Gateway's Retry filter, set by what a failed attempt may have
 * done. Each attempt goes through the load balancer again, so it goes to the next instance in turn.
 * <ul>
 * <li>A request that reached no instance (the connection was refused, or not made within the connect timeout:
 * nothing was sent) is tried again, whatever its method.</li>
 * <li>A GET or HEAD is also tried again when its instance failed it before answering (the connection closed or
 * reset: the process was killed mid-request); reading twice changes nothing.</li>
 * <li>Any other method that may have reached the service is not: the service may have done the work, and the
 * client, which alone knows whether it may, retries with an {@code Idempotency-Key}.</li>
 * </ul>
 * An answer, whatever its status, is the service's and is passed on; so is a timeout, which means a slow service
 * more often than a dead one, and whose retries would add load when there is already too much. One Retry filter
 * or the other runs for a request, never both: two Retry filters on one route would count each other's attempts.
 */
class FailoverGatewayFilterFactory extends AbstractGatewayFilterFactory<FailoverGatewayFilterFactory.Config> {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final RetryGatewayFilterFactory retry;

    FailoverGatewayFilterFactory(RetryGatewayFilterFactory retry) {
        super(Config.class);
        this.retry = retry;
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("retries");
    }

    @Override
    public GatewayFilter apply(Config config) {
        GatewayFilter safe = retry.apply(retryConfig(config).setMethods(HttpMethod.GET, HttpMethod.HEAD)
                .setExceptions(IOException.class));
        // Reactor Netty's connect timeout is a ConnectException too
        GatewayFilter unsent = retry.apply(retryConfig(config).allMethods().setExceptions(ConnectException.class));
        return (exchange, chain) -> (SAFE.contains(exchange.getRequest().getMethod()) ? safe : unsent)
                .filter(exchange, chain);
    }

    private static RetryConfig retryConfig(Config config) {
        RetryConfig retryConfig = new RetryConfig().setRetries(config.getRetries()).setSeries();
        retryConfig.setRouteId(config.getRouteId());
        return retryConfig;
    }

    /** How many more attempts a request gets; each goes to the next instance. */
    static class Config implements HasRouteId {

        private int retries = 2;
        private String routeId;

        public int getRetries() {
            return retries;
        }

        public void setRetries(int retries) {
            this.retries = retries;
        }

        @Override
        public String getRouteId() {
            return routeId;
        }

        @Override
        public void setRouteId(String routeId) {
            this.routeId = routeId;
        }
    }
}
