package io.deadlinesaga.sagaview.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param compensationTimeout how long after a rejection its compensation chain may take before it is a violation
 * @param decisionGrace how long past its deadline an order may stay undecided before it is a violation
 * @param recheckInterval how often the sagas whose verdict the clock may have changed are looked for
 */
@ConfigurationProperties("saga.audit")
public record AuditSettings(
        @DefaultValue("30s") Duration compensationTimeout,
        @DefaultValue("5s") Duration decisionGrace,
        @DefaultValue("1s") Duration recheckInterval) {
}
