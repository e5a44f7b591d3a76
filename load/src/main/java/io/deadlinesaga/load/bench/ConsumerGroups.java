package io.deadlinesaga.load.bench;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** The consumer groups on the broker and how far they have read a topic, through Kafka's Admin client. */
final class ConsumerGroups {

    /**
     * The services' groups on the saga's topic when the broker cannot tell: order, exchange, point, deadline and the
     * saga view each read it in a group of its own, named after the service; several instances share their group.
     */
    static final int SAGA_GROUPS = 5;

    private final Admin admin;

    ConsumerGroups(Admin admin) {
        this.admin = admin;
    }

    /** The groups with a member that is assigned a partition of the topic now: the services that read it. */
    List<String> reading(String topic) throws InterruptedException {
        List<String> groups = get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()).stream()
                .map(GroupListing::groupId).toList();
        Map<String, ConsumerGroupDescription> described = get(admin.describeConsumerGroups(groups).all());
        return described.values().stream().filter(group -> group.members().stream().anyMatch(member -> member
                .assignment().topicPartitions().stream().anyMatch(partition -> partition.topic().equals(topic))))
                .map(ConsumerGroupDescription::groupId).sorted().toList();
    }

    /** The group's committed offset on each partition of the topic that it has committed on. */
    Map<Integer, Long> committed(String group, String topic) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        return offsets.entrySet().stream().filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                .collect(Collectors.toMap(entry -> entry.getKey().partition(), entry -> entry.getValue().offset()));
    }

    /** The records on the topic that the groups have still to read, summed over the groups. */
    long lag(String topic, Collection<String> groups) throws InterruptedException {
        Map<Integer, Long> ends = ends(topic);
        long lag = 0;
        for (String group : groups) {
            Map<Integer, Long> committed = committed(group, topic);
            for (Map.Entry<Integer, Long> end : ends.entrySet()) {
                lag += Math.max(0, end.getValue() - committed.getOrDefault(end.getKey(), 0L));
            }
        }
        return lag;
    }

    /** Where each partition of the topic ends now. */
    Map<Integer, Long> ends(String topic) throws InterruptedException {
        int partitions = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions).boxed()
                .collect(Collectors.toMap(partition -> new TopicPartition(topic, partition), partition -> OffsetSpec.latest()));
        return get(admin.listOffsets(latest).all()).entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().partition(), entry -> entry.getValue().offset()));
    }

    static <T> T get(KafkaFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        }
        catch (ExecutionException ex) {
            throw new BenchException("Kafka: " + ex.getCause().getMessage(), ex.getCause());
        }
    }
}
