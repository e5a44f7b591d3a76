package io.deadlinesaga.messaging;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class SagaDefaultsTest {

    private final SagaDefaults defaults = new SagaDefaults();

    @Test
    void injectsFaultsByDefault() {
        // given
        StandardEnvironment environment = new StandardEnvironment();

        // when
        defaults.postProcessEnvironment(environment, new SpringApplication());

        // then
        assertThat(environment.getProperty("saga.faults.enabled", Boolean.class)).isTrue();
        assertThat(environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("15s");
        assertThat(environment.getProperty("spring.datasource.hikari.max-lifetime")).isEqualTo("0");
    }

    @Test
    void injectsNoFaultsInTheProdProfile() {
        // given
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles("prod");

        // when
        defaults.postProcessEnvironment(environment, new SpringApplication());

        // then
        assertThat(environment.getProperty("saga.faults.enabled", Boolean.class)).isFalse();
    }

    @Test
    void letsTheServiceOwnSettingsWin() {
        // given
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MockPropertySource().withProperty("saga.faults.enabled", "false"));

        // when
        defaults.postProcessEnvironment(environment, new SpringApplication());

        // then
        assertThat(environment.getProperty("saga.faults.enabled", Boolean.class)).isFalse();
    }

    @Test
    void letsTomcatDropNoMoreOfARefusedBodyThanTheRequestLimit() {
        // given
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MockPropertySource().withProperty("saga.web.max-request-size", "1MB"));

        // when
        defaults.postProcessEnvironment(environment, new SpringApplication());

        // then
        assertThat(environment.getProperty("server.tomcat.max-swallow-size")).isEqualTo("1MB");
    }

    @Test
    void limitsRequestBodiesTo64KilobytesByDefault() {
        // given
        StandardEnvironment environment = new StandardEnvironment();

        // when
        defaults.postProcessEnvironment(environment, new SpringApplication());

        // then
        assertThat(environment.getProperty("saga.web.max-request-size")).isEqualTo("64KB");
        assertThat(environment.getProperty("server.tomcat.max-swallow-size")).isEqualTo("64KB");
    }
}
