package io.deadlinesaga.messaging.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Every servlet app on this module refuses a request body over {@code saga.web.max-request-size} with 413. An
 * auto-configuration of its own, apart from the messaging plumbing, so that the saga view, which leaves that
 * plumbing out, is bounded too: it reads no bodies, but a declared length over the limit is refused at once
 * there as well, and Tomcat drops no more than the limit of what follows.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(RequestLimits.class)
public class RequestSizeAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit(RequestLimits limits) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits.maxRequestSize().toBytes()));
        // after the observation filter (a refused request is still measured), before anything reads the body
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
