package io.deadlinesaga.messaging.inbox;

import java.util.List;
import java.util.Set;

import io.deadlinesaga.messaging.TestSettings;
import io.deadlinesaga.messaging.event.SagaEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.deadlinesaga.messaging.inbox.ConvoyTest.placed;
import static io.deadlinesaga.messaging.inbox.ConvoyTest.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class InboxStoreTest {

    private final ReceivingSide service = new ReceivingSide(TestSettings.convoy());

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void handlesAnEventDeliveredTwiceOnce() {
        // given
        SagaEvent event = placed(7);
        service.store.receive(List.of(event), orderId -> false);

        // when: Kafka delivers it again
        Set<Long> pending = service.store.receive(List.of(event), orderId -> false);

        // then
        assertThat(service.handlers.eventIdsOf(7)).containsExactly(event.eventId());
        assertThat(service.inboxRows()).isEqualTo(1);
        assertThat(pending).isEmpty();
    }

    @Test
    void handlesAnEventTwiceInOneBatchOnce() {
        // given
        SagaEvent event = placed(7);

        // when
        service.store.receive(List.of(event, event), orderId -> false);

        // then
        assertThat(service.handlers.eventIdsOf(7)).containsExactly(event.eventId());
        assertThat(service.inboxRows()).isEqualTo(1);
    }

    @Test
    void storesAgainNothingOfAnEventAlreadyPending() {
        // given
        SagaEvent event = placed(7);
        service.store.storeNew(List.of(event));

        // when
        service.store.storeNew(List.of(event));

        // then
        assertThat(service.inboxRows()).isEqualTo(1);
        assertThat(service.status(event)).isEqualTo("PENDING");
    }

    @Test
    void handlesOnReceiptAnEventWhoseOrderHasNothingWaiting() {
        // given
        SagaEvent event = placed(7);

        // when
        Set<Long> pending = service.store.receive(List.of(event), orderId -> false);

        // then
        assertThat(service.status(event)).isEqualTo("DONE");
        assertThat(service.handlers.handled()).containsExactly(new RecordingHandlers.Handled(7, event.eventId(), 1));
        assertThat(pending).isEmpty();
    }

    @Test
    void leavesAnEventPendingBehindAnOlderPendingEventOfItsOrder() {
        // given
        SagaEvent older = placed(7);
        service.store.storeNew(List.of(older));
        SagaEvent newer = rejected(7);
        SagaEvent ofAnotherOrder = placed(8);

        // when
        Set<Long> pending = service.store.receive(List.of(newer, ofAnotherOrder), orderId -> false);

        // then
        assertThat(service.status(newer)).isEqualTo("PENDING");
        assertThat(service.status(ofAnotherOrder)).isEqualTo("DONE");
        assertThat(service.handlers.eventIdsOf(7)).isEmpty();
        assertThat(pending).containsExactly(7L);
    }

    @Test
    void leavesTheEventsOfAWaitListedOrderPending() {
        // given
        SagaEvent event = placed(7);

        // when
        Set<Long> pending = service.store.receive(List.of(event), orderId -> orderId == 7);

        // then
        assertThat(service.status(event)).isEqualTo("PENDING");
        assertThat(pending).containsExactly(7L);
    }

    @Test
    void rollsTheWholeBatchBackAndNamesTheFailedEventWhenAHandlerFails() {
        // given
        service.handlers.failNext(8, 1);
        List<SagaEvent> batch = List.of(placed(7), placed(8), placed(9));

        // when
        InboxStore.HandlerFailed failed = catchThrowableOfType(InboxStore.HandlerFailed.class,
                () -> service.store.receive(batch, orderId -> false));

        // then
        assertThat(failed.orderId()).isEqualTo(8);
        assertThat(failed.index()).isEqualTo(1);
        assertThat(service.inboxRows()).isZero();
    }
}
