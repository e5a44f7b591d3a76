package io.deadlinesaga.load.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the records one send put on the topic: partition and offset of each, as the broker acknowledged them. A
 * consumer group has read a record once its committed offset on the record's partition is past it, so this tells
 * how many of the records a service has taken in, however many other records the topic got meanwhile.
 */
final class ProducedOffsets {

    private final Map<Integer, long[]> offsets = new HashMap<>();
    private final Map<Integer, Integer> counts = new HashMap<>();
    private boolean sorted = true;

    synchronized void add(int partition, long offset) {
        long[] of = offsets.computeIfAbsent(partition, ignored -> new long[64]);
        int count = counts.getOrDefault(partition, 0);
        if (count == of.length) {
            of = Arrays.copyOf(of, count * 2);
            offsets.put(partition, of);
        }
        of[count] = offset;
        counts.put(partition, count + 1);
        sorted = false;
    }

    synchronized int size() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** How many of the records are below the committed offset of their partition (a partition not there: none). */
    synchronized int countBelow(Map<Integer, Long> committed) {
        sort();
        int below = 0;
        for (Map.Entry<Integer, long[]> partition : offsets.entrySet()) {
            Long next = committed.get(partition.getKey());
            if (next != null) {
                int index = Arrays.binarySearch(partition.getValue(), 0, counts.get(partition.getKey()), next);
                below += index >= 0 ? index : -index - 1;
            }
        }
        return below;
    }

    private void sort() {
        if (!sorted) {
            offsets.forEach((partition, of) -> Arrays.sort(of, 0, counts.get(partition)));
            sorted = true;
        }
    }
}
