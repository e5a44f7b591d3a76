package io.deadlinesaga.launcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartTest {

    @Test
    void knowsEachPartByItsName() {
        assertThat(Part.named("saga-view")).contains(Part.SAGA_VIEW);
        assertThat(Part.named("kafka")).contains(Part.KAFKA);
        assertThat(Part.named("SAGA_VIEW")).isEmpty();
    }

    @Test
    void theServicesAreEveryPartButTheBrokerAndTheDatabaseServer() {
        assertThat(Part.services()).hasSize(6).doesNotContain(Part.KAFKA, Part.POSTGRES);
    }

    @Test
    void chaosKillsTheServicesOnTheOrdersPathNotTheView() {
        assertThat(Part.services().stream().filter(Part::isOnTheOrdersPath))
                .containsExactly(Part.ORDER, Part.EXCHANGE, Part.POINT, Part.DEADLINE, Part.GATEWAY);
    }
}
