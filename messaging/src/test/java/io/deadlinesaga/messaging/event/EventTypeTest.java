package io.deadlinesaga.messaging.event;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTypeTest {

    @Test
    void namesExactlyTheEventsOfTheContract() {
        // when / then (DESIGN.md, section 3)
        assertThat(EventType.values()).extracting(EventType::wireName).containsExactlyInAnyOrder(
                "OrderCreated", "ExchangeSucceed", "ExchangeFailed", "PointUsed", "PointUseFailed", "OrderPlaced",
                "OrderRejected", "DeadlineReached", "ExchangeCompensated", "PointUseCompensated");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void isNamedOnTheWireAsItsRecord(EventType type) {
        // when / then
        assertThat(type.wireName()).isEqualTo(type.javaType().getSimpleName());
    }

    @Test
    void hasATypeForEveryKindOfEvent() {
        // given
        Class<?>[] kinds = SagaEvent.class.getPermittedSubclasses();

        // when / then
        assertThat(Arrays.stream(kinds).map(EventType::of)).containsExactlyInAnyOrder(EventType.values());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void isFoundByItsWireName(EventType type) {
        // when / then
        assertThat(EventType.fromWireName(type.wireName())).contains(type);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"OrderShipped", "ORDER_CREATED", "io.deadlinesaga.messaging.event.OrderCreated"})
    void findsNothingForANameOutsideTheContract(String name) {
        // when / then
        assertThat(EventType.fromWireName(name)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.deadlinesaga.messaging.event.EventFixtures#everyEvent")
    void everyEventCarriesTheWireNameOfItsType(SagaEvent event) {
        // when / then
        assertThat(event.eventType()).isEqualTo(EventType.of(event.getClass()).wireName());
    }

    @Test
    void refusesAClassThatIsNotAnEventOfTheContract() {
        // when / then
        assertThatThrownBy(() -> EventType.of(String.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
