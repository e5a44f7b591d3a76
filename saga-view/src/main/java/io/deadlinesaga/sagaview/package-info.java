/**
 * The saga view: reads the whole topic with its own consumer group into its own database ({@code reading}),
 * keeps per order the events in topic order ({@code timeline}), judges each saga from its events alone and
 * stores the verdict ({@code audit}), and shows both as JSON, text and a page ({@code web}). The store holds
 * its position in each partition, so a restart goes on where it stopped instead of reading the topic again.
 * Beside the sagas, it charts the latest results of {@code ./saga bench} ({@code bench}).
 */
package io.deadlinesaga.sagaview;
