/**
 * Timelines: every order's events in topic order, in the view's own database (one row per record of the topic),
 * and the one-writer-at-a-time rule of that store.
 */
package io.deadlinesaga.sagaview.timeline;
