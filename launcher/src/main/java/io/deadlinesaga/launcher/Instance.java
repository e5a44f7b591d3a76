package io.deadlinesaga.launcher;

/**
 * One process of a part: the only one ({@code order}, {@code kafka}), or one of several, numbered from 1
 * ({@code order-2}, {@code kafka-3}). Its name is what the commands take and print, and names its pid file
 * and its log.
 *
 * @param number from 1
 * @param of how many instances of the part this copy runs
 */
public record Instance(Part part, int number, int of) {

    public Instance {
        if (number < 1 || number > of) {
            throw new IllegalArgumentException(part + ": instance " + number + " of " + of);
        }
    }

    /** The only instance of a part. */
    public static Instance only(Part part) {
        return new Instance(part, 1, 1);
    }

    public String name() {
        return of == 1 ? part.partName() : part.partName() + "-" + number;
    }

    @Override
    public String toString() {
        return name();
    }
}
