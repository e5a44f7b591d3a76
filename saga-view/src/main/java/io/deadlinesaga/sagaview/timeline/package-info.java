/** Timelines: every order's events in topic order, read from the topic by the view's own consumer group. */
package io.deadlinesaga.sagaview.timeline;
