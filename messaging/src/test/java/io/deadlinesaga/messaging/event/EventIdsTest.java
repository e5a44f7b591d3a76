package io.deadlinesaga.messaging.event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTest {

    @Test
    void areUuidsOfVersion7ThatBeginWithTheirMillisecond() {
        // given
        long before = System.currentTimeMillis();

        // when
        UUID id = UUID.fromString(OrderPlaced.of(1, "holder").eventId());

        // then
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void sortAsTextInTheOrderOfTheirMillisecondsAndNeverRepeat() {
        // given
        List<String> ids = new ArrayList<>();

        // when
        for (int i = 0; i < 100_000; i++) {
            ids.add(Events.newId());
        }

        // then
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(millis(a), millis(b)));
        assertThat(ids.stream().sorted().map(EventIdsTest::millis).toList()).isSorted();
    }

    private static long millis(String id) {
        return UUID.fromString(id).getMostSignificantBits() >>> 16;
    }
}
