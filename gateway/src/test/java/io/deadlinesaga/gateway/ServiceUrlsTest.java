package io.deadlinesaga.gateway;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.client.ServiceInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ServiceUrlsTest {

    @Test
    void namesTheInstancesOfAServiceInTheOrderListed() {
        // given
        ServiceUrls urls = new ServiceUrls(Map.of("order",
                List.of(URI.create("http://localhost:8081"), URI.create("http://10.0.0.2:8091"))));

        // when
        List<ServiceInstance> instances = urls.instancesOf("order");

        // then
        assertThat(instances).extracting(ServiceInstance::getInstanceId, ServiceInstance::getServiceId,
                ServiceInstance::getHost, ServiceInstance::getPort, ServiceInstance::isSecure)
                .containsExactly(tuple("order-1", "order", "localhost", 8081, false),
                        tuple("order-2", "order", "10.0.0.2", 8091, false));
    }

    @Test
    void takesTheDefaultPortOfTheSchemeWhenAUrlHasNone() {
        // given
        ServiceUrls urls = new ServiceUrls(Map.of("point",
                List.of(URI.create("http://point.internal"), URI.create("https://point.example"))));

        // when
        List<ServiceInstance> instances = urls.instancesOf("point");

        // then
        assertThat(instances).extracting(ServiceInstance::getPort, ServiceInstance::isSecure)
                .containsExactly(tuple(80, false), tuple(443, true));
    }

    @Test
    void refusesAUrlWithoutAHost() {
        assertThatThrownBy(() -> new ServiceUrls(Map.of("order", List.of(URI.create("localhost:8081")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("saga.gateway.urls.order: not an http(s) URL with a host: localhost:8081");
    }

    @Test
    void refusesAServiceWithNoUrl() {
        assertThatThrownBy(() -> new ServiceUrls(Map.of("exchange", List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("saga.gateway.urls.exchange lists no URL");
    }

    @Test
    void saysWhichSettingIsMissingForAServiceARouteGoesTo() {
        assertThatThrownBy(() -> new ServiceUrls(Map.of()).instancesOf("deadline"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a route goes to lb://deadline but saga.gateway.urls.deadline is not set");
    }
}
