package io.deadlinesaga.messaging.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What a service accepts over HTTP ({@code saga.web.*}).
 *
 * @param maxRequestSize the largest request body; a larger one is refused with 413 before it is read whole
 */
@ConfigurationProperties("saga.web")
public record RequestLimits(@DefaultValue("64KB") DataSize maxRequestSize) {

    public RequestLimits {
        if (maxRequestSize.isNegative()) {
            throw new IllegalArgumentException("saga.web.max-request-size must not be negative, was " + maxRequestSize);
        }
    }
}
