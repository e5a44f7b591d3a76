package io.deadlinesaga.gateway;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each route goes to {@code lb://<service>}: Spring Cloud LoadBalancer takes the service's instances in turn (round
 * robin) from {@link ServiceInstances}, and {@code Failover} sends a failed attempt to the next one when that is safe.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceUrls.class)
@LoadBalancerClients(defaultConfiguration = ServiceInstances.class)
class BalancingConfiguration {

    @Bean
    FailoverGatewayFilterFactory failoverGatewayFilterFactory(RetryGatewayFilterFactory retry) {
        return new FailoverGatewayFilterFactory(retry);
    }
}
