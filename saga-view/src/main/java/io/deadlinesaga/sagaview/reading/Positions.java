package io.deadlinesaga.sagaview.reading;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Where the view is in each partition: the offset of the next record it will read. Written in the transaction
 * that stores the records before it, so the store and its position never disagree.
 */
@Repository
class Positions {

    private final JdbcTemplate jdbc;

    Positions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every partition's next offset; a partition the view has never read has none. */
    Map<TopicPartition, Long> all() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        jdbc.query("SELECT topic, topic_partition, next_offset FROM view_position", row -> {
            positions.put(new TopicPartition(row.getString("topic"), row.getInt("topic_partition")),
                    row.getLong("next_offset"));
        });
        return positions;
    }

    void advance(Map<TopicPartition, Long> nextOffsets) {
        List<Map.Entry<TopicPartition, Long>> moves = List.copyOf(nextOffsets.entrySet());
        for (Map.Entry<TopicPartition, Long> move : moves) {
            int updated = jdbc.update("UPDATE view_position SET next_offset = ? WHERE topic = ? AND topic_partition = ?",
                    move.getValue(), move.getKey().topic(), move.getKey().partition());
            if (updated == 0) {
                jdbc.update("INSERT INTO view_position (topic, topic_partition, next_offset) VALUES (?, ?, ?)",
                        move.getKey().topic(), move.getKey().partition(), move.getValue());
            }
        }
    }
}
