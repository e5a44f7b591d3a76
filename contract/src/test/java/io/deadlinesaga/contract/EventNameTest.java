package io.deadlinesaga.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class EventNameTest {

    @ParameterizedTest
    @EnumSource(EventName.class)
    void isFoundByItsNameOnTheWire(EventName name) {
        // when / then
        assertThat(EventName.ofWireName(name.wireName())).contains(name);
        assertThat(name.producer()).isIn("order", "exchange", "point", "deadline");
    }

    @Test
    void knowsNoOtherName() {
        // when / then
        assertThat(EventName.ofWireName("OrderShipped")).isEmpty();
        assertThat(EventName.ofWireName(null)).isEmpty();
    }
}
