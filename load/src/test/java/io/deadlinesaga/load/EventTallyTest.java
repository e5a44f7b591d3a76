package io.deadlinesaga.load;

import java.util.List;
import java.util.UUID;

import io.deadlinesaga.contract.rules.TopicEvent;
import org.junit.jupiter.api.Test;

import static io.deadlinesaga.contract.EventName.EXCHANGE_SUCCEED;
import static io.deadlinesaga.contract.EventName.ORDER_CREATED;
import static io.deadlinesaga.contract.EventName.ORDER_PLACED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class EventTallyTest {

    private final EventTally events = new EventTally();

    @Test
    void countsARecordRepeatedWithTheSameEventIdOnceAsARedelivery() {
        // given
        String placed = UUID.randomUUID().toString();
        events.add(ORDER_PLACED, 2, 3, placed);

        // when
        boolean isNew = events.add(ORDER_PLACED, 2, 3, placed);

        // then
        assertThat(isNew).isFalse();
        assertThat(events.count(ORDER_PLACED)).isEqualTo(1);
        assertThat(events.redeliveries()).isEqualTo(1);
    }

    @Test
    void countsTwoEventsOfOneTypeWithTheirOwnEventIdsTwice() {
        // when
        events.add(ORDER_PLACED, 2, 3, UUID.randomUUID().toString());
        events.add(ORDER_PLACED, 3, 4, UUID.randomUUID().toString());

        // then
        assertThat(events.count(ORDER_PLACED)).isEqualTo(2);
        assertThat(events.redeliveries()).isZero();
        assertThat(events.hasDecision()).isTrue();
    }

    @Test
    void measuresAStepFromTheFirstEventOfOneTypeToTheFirstOfAnotherAndTheTimeEachWaitedInItsOutbox() {
        // when
        events.add(ORDER_CREATED, 1_000, 1_010, UUID.randomUUID().toString());
        events.add(EXCHANGE_SUCCEED, 1_040, 1_045, UUID.randomUUID().toString());
        events.add(EXCHANGE_SUCCEED, 1_900, 1_950, UUID.randomUUID().toString());

        // then
        assertThat(events.between(ORDER_CREATED, EXCHANGE_SUCCEED)).hasValue(40);
        assertThat(events.between(EXCHANGE_SUCCEED, ORDER_PLACED)).isEmpty();
        assertThat(events.publishDelay(ORDER_CREATED)).hasValue(10);
        assertThat(events.publishDelay(EXCHANGE_SUCCEED)).hasValue(5);
    }

    @Test
    void givesTheRulesEachEventOnceWithItsOrdersDeadline() {
        // given
        String created = UUID.randomUUID().toString();
        events.add(ORDER_CREATED, 1_000, 1_010, created);
        events.add(ORDER_CREATED, 1_000, 1_020, created);
        events.deadline(11_000);
        events.add(EXCHANGE_SUCCEED, 1_040, 1_045, UUID.randomUUID().toString());

        // when
        List<TopicEvent> topic = events.events();

        // then
        assertThat(topic).extracting(TopicEvent::type, TopicEvent::time, TopicEvent::deadline)
                .containsExactly(tuple(ORDER_CREATED, 1_000L, 11_000L), tuple(EXCHANGE_SUCCEED, 1_040L, 0L));
    }
}
