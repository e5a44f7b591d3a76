package io.deadlinesaga.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway accepts ({@code saga.web.*}, the same setting the services read).
 *
 * @param maxRequestSize the largest request body; a larger one is refused with 413 and never proxied whole
 * @param maxSwallowSize how much of a refused body is read and thrown away before the answer, so that a client
 *        still sending it reads the 413 instead of a reset connection (a larger one is answered at once)
 */
@ConfigurationProperties("saga.web")
record RequestLimits(@DefaultValue("64KB") DataSize maxRequestSize, @DefaultValue("16MB") DataSize maxSwallowSize) {

    RequestLimits {
        if (maxRequestSize.isNegative()) {
            throw new IllegalArgumentException("saga.web.max-request-size must not be negative, was " + maxRequestSize);
        }
    }
}
