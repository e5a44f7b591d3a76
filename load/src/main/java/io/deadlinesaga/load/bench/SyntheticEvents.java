package io.deadlinesaga.load.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;

import io.deadlinesaga.contract.EventName;
import io.deadlinesaga.contract.Wire;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Events of orders that the order service never has, made exactly as its outbox puts an order's events on the
 * topic (the messaging module's OutboxPublisher and EventCodec): keyed by the orderId, the event's type in the
 * {@code type} header, the wire contract's flat JSON with the envelope first, decimals plain, a time-ordered
 * eventId. The deadline step uses them to give the deadline service many deadlines without placing as many orders.
 * <p>
 * Their currency is 300, the failing-exchange fault: exchange answers ExchangeFailed and records nothing, order
 * ignores the events of an order it does not know, point does not react to ExchangeFailed; so only the deadline
 * service keeps them, as pending deadlines, and cancels them on their OrderPlaced, to which no other service
 * reacts for an order it does not know. The saga view shows them as sagas of holder {@value #HOLDER}.
 */
final class SyntheticEvents {

    static final String HOLDER = "bench-deadline";
    static final long FAILING_EXCHANGE = 300;
    /** above every id the order service gives (it numbers its orders from 1) */
    static final long RESERVED_FROM = 9_000_000_000_000_000L;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String topic;

    SyntheticEvents(String topic) {
        this.topic = topic;
    }

    /**
     * The first of a run's orderIds: a block of {@link BenchSettings#MAX_SYNTHETIC_ORDERS} per second of the
     * epoch, so that a run never meets an earlier run's deadlines (room until the year 2600).
     */
    static long firstOrderId(long epochSecond) {
        return RESERVED_FROM + epochSecond % 20_000_000_000L * BenchSettings.MAX_SYNTHETIC_ORDERS;
    }

    ProducerRecord<String, String> orderCreated(long orderId, long timestamp, long deadline) {
        return record(EventName.ORDER_CREATED, orderId, "{\"eventType\":\"OrderCreated\",\"eventId\":\"" + newEventId()
                + "\",\"orderId\":" + orderId + ",\"timestamp\":" + timestamp + ",\"holderId\":\"" + HOLDER
                + "\",\"currencyId\":" + FAILING_EXCHANGE + ",\"amount\":1,\"deadline\":" + deadline + "}");
    }

    ProducerRecord<String, String> orderPlaced(long orderId, long timestamp) {
        return record(EventName.ORDER_PLACED, orderId, "{\"eventType\":\"OrderPlaced\",\"eventId\":\"" + newEventId()
                + "\",\"orderId\":" + orderId + ",\"timestamp\":" + timestamp + ",\"holderId\":\"" + HOLDER + "\"}");
    }

    private ProducerRecord<String, String> record(EventName type, long orderId, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, Long.toString(orderId), json);
        record.headers().add(Wire.TYPE_HEADER, type.wireName().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /**
     * A UUID of version 7, as the services' events have: 48 bits of Unix milliseconds, the version, 12 random bits,
     * the variant, 62 random bits (RFC 9562), so that the services' inbox indexes take it as they take theirs.
     */
    static String newEventId() {
        long mostSignificant = System.currentTimeMillis() << 16 | 0x7000L | RANDOM.nextInt(0x1000);
        long leastSignificant = RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }
}
