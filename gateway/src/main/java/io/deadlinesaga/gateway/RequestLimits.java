package io.deadlinesaga.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway accepts ({@code saga.web.*}, the same setting the services read).
 *
 * @param maxRequestSize the largest request body; a larger one is refused with 413 and never proxied whole
 */
@ConfigurationProperties("saga.web")
record RequestLimits(@DefaultValue("64KB") DataSize maxRequestSize) {

    RequestLimits {
        if (maxRequestSize.isNegative()) {
            throw new IllegalArgumentException("saga.web.max-request-size must not be negative, was " + maxRequestSize);
        }
    }
}
