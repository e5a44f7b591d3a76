package io.deadlinesaga.messaging.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/**
 * A broker that keeps every record it acknowledged, in the order it got them, and that can be told to refuse
 * sends, as a broker that is away does. Any number of relays may send to it, as to one topic.
 */
public final class RecordingBroker {

    private final MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(),
            new StringSerializer()) {

        // the template closes its producer after each send; this one stands for the broker and stays open
        @Override
        public void close() {
        }

        @Override
        public void close(Duration timeout) {
        }
    };

    public KafkaTemplate<String, String> template() {
        return new KafkaTemplate<>(new MockProducerFactory<>(() -> producer));
    }

    public void refuseSends() {
        synchronized (producer) {
            producer.sendException = new KafkaException("broker away");
        }
    }

    public void acceptSends() {
        synchronized (producer) {
            producer.sendException = null;
        }
    }

    public List<ProducerRecord<String, String>> records() {
        return producer.history();
    }

    /** The payloads sent, by record key (the orderId), each key's in the order they were sent. */
    public Map<String, List<String>> payloadsByKey() {
        return records().stream().collect(Collectors.groupingBy(ProducerRecord::key,
                Collectors.mapping(ProducerRecord::value, Collectors.toList())));
    }
}
