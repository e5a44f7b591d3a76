package io.deadlinesaga.load.bench;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProducedOffsetsTest {

    @Test
    void countsTheRecordsBelowEachPartitionsCommittedOffset() {
        // given: records at offsets 5, 7, 9 of partition 0 (acknowledged out of order) and 100..199 of partition 1
        ProducedOffsets produced = new ProducedOffsets();
        produced.add(0, 9);
        produced.add(0, 5);
        produced.add(0, 7);
        for (long offset = 100; offset < 200; offset++) {
            produced.add(1, offset);
        }

        // when / then
        assertThat(produced.size()).isEqualTo(103);
        assertThat(produced.countBelow(Map.of())).isZero();
        assertThat(produced.countBelow(Map.of(0, 8L))).isEqualTo(2);
        assertThat(produced.countBelow(Map.of(0, 7L, 1, 150L))).isEqualTo(1 + 50);
        assertThat(produced.countBelow(Map.of(0, 10L, 1, 200L, 2, 5L))).isEqualTo(103);
    }
}
