package io.deadlinesaga.messaging.outbox;

import io.deadlinesaga.messaging.MessagingProperties;
import io.deadlinesaga.messaging.TestDatabase;
import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.persistence.Durability;

/** The sending side of a service instance on a {@link TestDatabase}, for the tests of other packages. */
public final class TestOutboxes {

    private TestOutboxes() {
    }

    /** An outbox whose relay is not started: what is appended stays unsent in the table. */
    public static Outbox unrelayed(TestDatabase database, MessagingProperties properties) {
        OutboxRelay relay = new OutboxRelay(new OutboxRepository(database.client()),
                new RecordingBroker().template(), database.transactions(), Durability.ON_COMMIT, properties);
        return new JdbcOutbox(database.jdbc(), new EventCodec(), relay, properties.deadLetterTopic());
    }
}
