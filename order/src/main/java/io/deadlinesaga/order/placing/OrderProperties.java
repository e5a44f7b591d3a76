package io.deadlinesaga.order.placing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param deadline how long after creation an order is decided at the latest ({@code saga.order.deadline}) */
@ConfigurationProperties("saga.order")
public record OrderProperties(@DefaultValue("10s") Duration deadline) {
}
