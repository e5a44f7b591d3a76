package io.deadlinesaga.sagaview.reading;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.deadlinesaga.messaging.MessagingProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * How far the store is behind the topic: the records between each partition's stored position and its end.
 * It asks the broker for the ends at most once a second ({@link #FRESH_FOR}), however often health, metrics and
 * requests ask; while the broker does not answer, nobody can tell, and it says so.
 */
@Component
public class CatchUp implements DisposableBean {

    static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);
    private static final long TIMEOUT_MILLIS = 3_000;

    private final KafkaAdmin kafkaAdmin;
    private final String topic;
    private final Positions positions;
    private Admin admin;
    private Look last = new Look(0, OptionalLong.empty());

    CatchUp(KafkaAdmin kafkaAdmin, MessagingProperties messaging, Positions positions, MeterRegistry meters) {
        this.kafkaAdmin = kafkaAdmin;
        this.topic = messaging.topic();
        this.positions = positions;
        Gauge.builder("saga.view.behind", this, catchUp -> catchUp.behind().stream().asDoubleStream().findFirst()
                        .orElse(Double.NaN))
                .description("records on the topic the view's store does not hold yet (NaN: the broker does not answer)")
                .register(meters);
    }

    /** How many records of the topic the store does not hold yet; empty when the broker does not answer. */
    public synchronized OptionalLong behind() {
        long now = System.currentTimeMillis();
        if (now - last.at() >= FRESH_FOR.toMillis()) {
            last = new Look(now, look());
        }
        return last.behind();
    }

    private OptionalLong look() {
        try {
            Admin kafka = admin();
            List<TopicPartition> partitions = kafka.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(kafka, partitions, OffsetSpec.earliest());
            Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(kafka, partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> stored = positions.all();
            long behind = 0;
            for (TopicPartition partition : partitions) {
                // records before a partition's start are deleted by retention: nobody can read them any more
                long from = Math.max(stored.getOrDefault(partition, 0L), starts.get(partition).offset());
                behind += Math.max(0, ends.get(partition).offset() - from);
            }
            return OptionalLong.of(behind);
        }
        catch (ExecutionException | TimeoutException | RuntimeException ex) {
            log.debug("could not ask the broker for the ends of {}: {}", topic, ex.toString());
            return OptionalLong.empty();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    private static Map<TopicPartition, ListOffsetsResultInfo> offsets(Admin kafka, List<TopicPartition> partitions,
            OffsetSpec spec) throws InterruptedException, ExecutionException, TimeoutException {
        return kafka.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec)))
                .all().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MILLIS);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MILLIS);
            admin = Admin.create(config);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    private record Look(long at, OptionalLong behind) {
    }
}
