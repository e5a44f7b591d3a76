package io.deadlinesaga.messaging.inbox;

import java.util.List;

import io.deadlinesaga.messaging.MessagingProperties;
import io.deadlinesaga.messaging.TestDatabase;
import io.deadlinesaga.messaging.TestSettings;
import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.event.SagaEvent;
import io.deadlinesaga.messaging.outbox.TestOutboxes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;

/**
 * A service's receiving side on the emptied test database, wired as {@link InboxConfiguration} wires it: the inbox
 * store (transactional, as its bean is), the convoy (started by the test that wants it) and the listener,
 * with {@link RecordingHandlers} as the service's handlers.
 */
final class ReceivingSide implements AutoCloseable {

    final TestDatabase database = TestDatabase.empty();
    final RecordingHandlers handlers = new RecordingHandlers();
    final InboxStore store;
    final Convoy convoy;
    final InboxListener listener;

    ReceivingSide(MessagingProperties.Convoy settings) {
        MessagingProperties properties = TestSettings.with(settings);
        EventCodec codec = new EventCodec();
        HandlerRegistry registry = HandlerRegistry.of(handlers);
        InboxRepository inbox = new InboxRepository(database.jdbc());
        store = transactional(new InboxStore(inbox, registry, codec));
        DeadLetters deadLetters = new DeadLetters(TestOutboxes.unrelayed(database, properties),
                new SimpleMeterRegistry(), properties.deadLetterTopic());
        convoy = new Convoy(inbox, registry, codec, database.transactions(), properties, deadLetters);
        listener = new InboxListener(store, registry, codec, convoy);
    }

    private InboxStore transactional(InboxStore target) {
        ProxyFactory proxy = new ProxyFactory(target);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice(new TransactionInterceptor(database.transactionManager(),
                new AnnotationTransactionAttributeSource()));
        return (InboxStore) proxy.getProxy();
    }

    /** Stores the events PENDING, as a batch whose handlers could not run on receipt, and wakes their orders. */
    void storePending(List<SagaEvent> events) {
        convoy.wake(store.storeNew(events));
    }

    /** The inbox's status of the event: PENDING, DONE or FAILED; null when it was never stored. */
    String status(SagaEvent event) {
        List<String> statuses = jdbc().queryForList("SELECT status FROM inbox_event WHERE event_id = ?",
                String.class, event.eventId());
        return statuses.isEmpty() ? null : statuses.get(0);
    }

    long inboxRows() {
        return database.count("SELECT count(*) FROM inbox_event");
    }

    /** The payloads of the dead letters waiting in the outbox: each the failed event as it was received. */
    List<String> deadLetterPayloads() {
        return jdbc().queryForList("SELECT payload FROM outbox_message WHERE destination IS NOT NULL ORDER BY id",
                String.class);
    }

    private JdbcTemplate jdbc() {
        return database.jdbc();
    }

    @Override
    public void close() {
        if (convoy.isRunning()) {
            convoy.stop();
        }
    }
}
