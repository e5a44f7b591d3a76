package io.deadlinesaga.gateway;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What one service's load balancer chooses from, in the context Spring Cloud LoadBalancer makes for each service
 * (hence no {@code @Configuration}: the gateway's own scan must not take it): the URLs listed for the service in
 * {@link ServiceUrls}, less those whose last health check ({@code spring.cloud.loadbalancer.health-check.*}) failed.
 * When every check failed, all of them: a service with one instance, or whose instances are all starting, is still
 * tried as before, rather than answered 503 by the gateway until the next check.
 */
class ServiceInstances {

    @Bean
    ServiceInstanceListSupplier serviceInstanceListSupplier(ConfigurableApplicationContext context,
            Environment environment, ServiceUrls urls) {
        String service = LoadBalancerClientFactory.getName(environment);
        List<ServiceInstance> listed = urls.instancesOf(service);
        return ServiceInstanceListSupplier.builder()
                .withBase(ServiceInstanceListSuppliers.from(service, listed.toArray(ServiceInstance[]::new)))
                .withHealthChecks(WebClient.create())
                .with((ignored, healthy) -> new HealthyOrAll(healthy, listed))
                .build(context);
    }

    /**
     * The instances that passed their last health check, or all listed when none did; in the order listed, since
     * the health check gives them in the order they answered, and round robin over a list that changes order may
     * take the same instance twice in a row.
     */
    static final class HealthyOrAll extends DelegatingServiceInstanceListSupplier {

        private final List<ServiceInstance> all;

        HealthyOrAll(ServiceInstanceListSupplier healthy, List<ServiceInstance> all) {
            super(healthy);
            this.all = all;
        }

        @Override
        public Flux<List<ServiceInstance>> get() {
            return getDelegate().get().map(healthy -> {
                Set<String> passed = healthy.stream().map(ServiceInstance::getInstanceId).collect(Collectors.toSet());
                List<ServiceInstance> inTurn = all.stream()
                        .filter(instance -> passed.contains(instance.getInstanceId())).toList();
                return inTurn.isEmpty() ? all : inTurn;
            });
        }
    }
}
