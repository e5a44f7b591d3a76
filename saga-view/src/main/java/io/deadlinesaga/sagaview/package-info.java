/**
 * The saga view: reads the whole topic with its own consumer group and keeps, per order, the events in topic
 * order ({@code timeline}), judges each saga from its events alone ({@code audit}), and shows both as JSON and
 * as a page ({@code web}). It owns no database: after a restart it reads the topic again from the beginning.
 */
package io.deadlinesaga.sagaview;
