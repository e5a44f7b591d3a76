package io.deadlinesaga.contract;

/**
 * The names on the wire (DESIGN §2), each defined here once: the services, the saga view, the load driver and
 * the launcher take them from this class.
 */
public final class Wire {

    /** The one topic every event goes through, keyed by orderId. */
    public static final String TOPIC = "choreography.deadline";

    /** The setting that renames the topic, with {@link #TOPIC} as its default, for Spring annotations. */
    public static final String TOPIC_SETTING = "${saga.messaging.topic:" + TOPIC + "}";

    /** A topic's dead-letter topic is its name with this after it. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    /** The record header that carries the event's type (e.g. {@code OrderCreated}). */
    public static final String TYPE_HEADER = "type";

    private Wire() {
    }

    /** Where the records of {@code topic} that failed for good go. */
    public static String deadLetterTopic(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
