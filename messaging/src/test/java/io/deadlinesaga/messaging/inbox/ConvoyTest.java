package io.deadlinesaga.messaging.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.deadlinesaga.messaging.MessagingProperties;
import io.deadlinesaga.messaging.TestSettings;
import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.event.OrderPlaced;
import io.deadlinesaga.messaging.event.OrderRejected;
import io.deadlinesaga.messaging.event.SagaEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConvoyTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    private ReceivingSide service;

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void handlesEachOrdersEventsOneAtATimeInTheOrderTheyWereReceived() {
        // given: 20 orders with 10 events each, received interleaved
        service = started(TestSettings.convoy());
        List<SagaEvent> events = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            for (long orderId = 1; orderId <= 20; orderId++) {
                events.add(placed(orderId));
            }
        }

        // when
        service.storePending(events);

        // then
        await().atMost(SOON).until(() -> service.handlers.handled().size() == 200);
        for (long orderId = 1; orderId <= 20; orderId++) {
            assertThat(service.handlers.eventIdsOf(orderId)).isEqualTo(eventIdsOf(events, orderId));
        }
        assertThat(service.handlers.overlapping()).isEmpty();
    }

    @Test
    void aSlowOrderHoldsBackItsOwnLaterEventsButNoOtherOrder() {
        // given
        service = started(TestSettings.convoy());
        service.handlers.hold(1);
        SagaEvent slow = placed(1);
        SagaEvent behindTheSlowOne = rejected(1);
        List<SagaEvent> others = List.of(placed(2), rejected(2), placed(3), rejected(3));

        // when
        service.storePending(List.of(slow, behindTheSlowOne));
        service.storePending(others);

        // then: the other orders go through while order 1 is held
        await().atMost(SOON).until(() -> service.handlers.handled().size() == 4);
        assertThat(service.handlers.eventIdsOf(2)).isEqualTo(eventIdsOf(others, 2));
        assertThat(service.handlers.eventIdsOf(3)).isEqualTo(eventIdsOf(others, 3));
        assertThat(service.handlers.eventIdsOf(1)).isEmpty();
        assertThat(service.status(behindTheSlowOne)).isEqualTo("PENDING");

        // when
        service.handlers.release(1);

        // then
        await().atMost(SOON).until(() -> service.handlers.eventIdsOf(1).size() == 2);
        assertThat(service.handlers.eventIdsOf(1)).containsExactly(slow.eventId(), behindTheSlowOne.eventId());
    }

    @Test
    void retriesAFailedEventWithItsOrdersLaterEventsHeldBehindItAndOtherOrdersGoingOn() {
        // given
        service = started(TestSettings.convoy());
        service.handlers.failNext(1, 2);
        SagaEvent failing = placed(1);
        SagaEvent behindTheFailingOne = rejected(1);
        SagaEvent ofAnotherOrder = placed(2);

        // when
        service.storePending(List.of(failing, behindTheFailingOne, ofAnotherOrder));

        // then
        await().atMost(SOON).until(() -> service.handlers.handled().size() == 3);
        assertThat(service.handlers.handled()).containsSubsequence(
                new RecordingHandlers.Handled(1, failing.eventId(), 3),
                new RecordingHandlers.Handled(1, behindTheFailingOne.eventId(), 1));
        assertThat(service.handlers.handled())
                .contains(new RecordingHandlers.Handled(2, ofAnotherOrder.eventId(), 1));
        assertThat(service.status(failing)).isEqualTo("DONE");
        assertThat(service.status(behindTheFailingOne)).isEqualTo("DONE");
    }

    @Test
    void deadLettersAnEventThatFailsEveryAttemptAndLetsItsOrdersLaterEventsGoOn() {
        // given: two attempts at the most
        service = started(new MessagingProperties.Convoy(4, Duration.ofMillis(10), Duration.ofMillis(10), 2,
                Duration.ofSeconds(1)));
        service.handlers.failNext(1, Integer.MAX_VALUE);
        SagaEvent failing = placed(1);

        // when
        service.storePending(List.of(failing));

        // then
        await().atMost(SOON).until(() -> "FAILED".equals(service.status(failing)));
        assertThat(service.deadLetterPayloads()).containsExactly(new EventCodec().toJson(failing));

        // when: the order's next event
        service.handlers.failNext(1, 0);
        SagaEvent next = rejected(1);
        service.storePending(List.of(next));

        // then
        await().atMost(SOON).until(() -> "DONE".equals(service.status(next)));
        assertThat(service.handlers.eventIdsOf(1)).containsExactly(next.eventId());
    }

    @Test
    void resumesPendingEventsNobodyWokeAtItsNextSweep() {
        // given: events left pending, as by a crash, and no wake-up for them
        service = new ReceivingSide(new MessagingProperties.Convoy(4, Duration.ofMillis(100), Duration.ofSeconds(5),
                20, Duration.ofMillis(50)));
        SagaEvent leftPending = placed(1);
        service.store.storeNew(List.of(leftPending));

        // when
        service.convoy.start();

        // then
        await().atMost(SOON).until(() -> "DONE".equals(service.status(leftPending)));
    }

    private static ReceivingSide started(MessagingProperties.Convoy settings) {
        ReceivingSide side = new ReceivingSide(settings);
        side.convoy.start();
        return side;
    }

    private static List<String> eventIdsOf(List<SagaEvent> events, long orderId) {
        return events.stream().filter(event -> event.orderId() == orderId).map(SagaEvent::eventId).toList();
    }

    static SagaEvent placed(long orderId) {
        return OrderPlaced.of(orderId, "holder-" + orderId);
    }

    static SagaEvent rejected(long orderId) {
        return OrderRejected.of(orderId, "holder-" + orderId, "POINT_LIMIT");
    }
}
