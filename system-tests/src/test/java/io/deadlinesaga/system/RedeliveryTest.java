package io.deadlinesaga.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service that crashed after committing its work but before committing its Kafka offsets reads the same
 * events again. Rewinding a stopped service's consumer group to the beginning of the topic does exactly
 * that to every event it ever read: none of them may have a second effect.
 */
class RedeliveryTest {

    private static final Duration SETTLES = Duration.ofSeconds(30);

    private final SagaSystem system = SagaSystem.get();
    private final SagaClient saga = system.client();

    @Test
    void aServiceReadingEveryEventAgainChangesNothing() throws Exception {
        // given: an approved and a compensated order, and point stopped with its offsets rewound to the start
        String holder = SagaClient.newHolder("rewound");
        saga.openAccount(holder, "1000");
        long approved = saga.placeOrderId(holder, "1", "100");
        long rejected = saga.placeOrderId(holder, "1", "5000");
        saga.awaitSettled(approved, SETTLES);
        saga.awaitSettled(rejected, SETTLES);
        int approvedEvents = system.topic().eventsOf(approved).size();
        int rejectedEvents = system.topic().eventsOf(rejected).size();
        system.stop("point");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers()))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(SagaSystem.TOPIC)).allTopicNames().get()
                    .get(SagaSystem.TOPIC).partitions().stream()
                    .map(info -> new TopicPartition(SagaSystem.TOPIC, info.partition())).toList();
            admin.alterConsumerGroupOffsets("point", partitions.stream()
                    .collect(Collectors.toMap(Function.identity(), p -> new OffsetAndMetadata(0)))).all().get();

            // when
            system.start("point");

            // then: point has read everything again…
            await().atMost(SETTLES).untilAsserted(() -> assertThat(lagOf(admin, "point", partitions)).isZero());
        }
        // …and nothing moved
        assertThat(saga.balance(holder)).isEqualByComparingTo("900");
        assertThat(saga.transactions(approved)).hasSize(1);
        assertThat(saga.transactions(rejected)).hasSize(1);
        await().during(Duration.ofSeconds(1)).atMost(SETTLES).untilAsserted(() -> {
            assertThat(system.topic().eventsOf(approved)).hasSize(approvedEvents);
            assertThat(system.topic().eventsOf(rejected)).hasSize(rejectedEvents);
        });
    }

    private static long lagOf(Admin admin, String group, List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()))).all().get();
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            lag += ends.get(partition).offset() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }
}
