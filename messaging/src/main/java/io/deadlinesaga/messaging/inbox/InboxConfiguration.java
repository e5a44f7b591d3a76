package io.deadlinesaga.messaging.inbox;

import javax.sql.DataSource;

import io.deadlinesaga.messaging.MessagingProperties;
import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the receiving side. */
@Configuration(proxyBeanMethods = false)
public class InboxConfiguration {

    @Bean
    static HandlerRegistry sagaHandlerRegistry(ApplicationContext context) {
        return new HandlerRegistry(context);
    }

    @Bean
    InboxRepository inboxRepository(DataSource dataSource) {
        return new InboxRepository(new JdbcTemplate(dataSource));
    }

    @Bean
    InboxStore inboxStore(InboxRepository repository, HandlerRegistry handlers, EventCodec codec) {
        return new InboxStore(repository, handlers, codec);
    }

    @Bean
    DeadLetters deadLetters(Outbox outbox, MeterRegistry meters, MessagingProperties properties) {
        return new DeadLetters(outbox, meters, properties.deadLetterTopic());
    }

    @Bean
    Convoy convoy(InboxRepository repository, HandlerRegistry handlers, EventCodec codec,
            TransactionTemplate transactions, MessagingProperties properties, DeadLetters deadLetters) {
        return new Convoy(repository, handlers, codec, transactions, properties, deadLetters);
    }

    @Bean
    InboxListener inboxListener(InboxStore store, HandlerRegistry handlers, EventCodec codec, Convoy convoy) {
        return new InboxListener(store, handlers, codec, convoy);
    }
}
