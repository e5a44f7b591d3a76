package io.deadlinesaga.gateway;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's bounds on what a client may send. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimits.class)
class RequestLimitsConfiguration {

    @Bean
    RequestBodyLimit requestBodyLimit(RequestLimits limits) {
        return new RequestBodyLimit(limits.maxRequestSize().toBytes(), limits.maxSwallowSize().toBytes());
    }
}
