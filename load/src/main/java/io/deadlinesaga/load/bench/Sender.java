package io.deadlinesaga.load.bench;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts many records on a topic at once, as the services' producers do: acks=all, idempotent. */
final class Sender {

    private Sender() {
    }

    static KafkaProducer<String, String> producer(String bootstrapServers, String clientId) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    /**
     * Sends the record of each of {@code count} orderIds from {@code first}, and returns once the broker has
     * acknowledged them all.
     *
     * @throws BenchException when the broker refused one
     */
    static ProducedOffsets send(KafkaProducer<String, String> producer, long first, int count,
            LongFunction<ProducerRecord<String, String>> recordOf) throws InterruptedException {
        ProducedOffsets produced = new ProducedOffsets();
        AtomicReference<Exception> refused = new AtomicReference<>();
        try {
            for (long orderId = first; orderId < first + count; orderId++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                producer.send(recordOf.apply(orderId), (metadata, error) -> {
                    if (error != null) {
                        refused.compareAndSet(null, error);
                    }
                    else {
                        produced.add(metadata.partition(), metadata.offset());
                    }
                });
            }
            producer.flush();
        }
        catch (InterruptException ex) {
            Thread.interrupted(); // Kafka's exception sets the flag again; the caller is told by the exception
            throw new InterruptedException("interrupted while sending");
        }
        catch (KafkaException ex) {
            throw new BenchException("Kafka refused a record: " + ex.getMessage(), ex);
        }
        if (refused.get() != null) {
            throw new BenchException("Kafka refused a record: " + refused.get().getMessage(), refused.get());
        }
        return produced;
    }
}
