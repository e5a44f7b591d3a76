/**
 * Reading the topic into the view's store: the batch listener and its stored position per partition, how far
 * behind the topic's end the store is, and the listener's health.
 */
package io.deadlinesaga.sagaview.reading;
