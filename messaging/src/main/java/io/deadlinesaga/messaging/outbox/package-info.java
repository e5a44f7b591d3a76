/**
 * The transactional outbox: services append the events they emit in the transaction of their state change
 * ({@link io.deadlinesaga.messaging.outbox.Outbox}); the relay publishes them promptly, in each order's
 * order, and never twice from two instances (but a row whose mark a crash lost after the broker had it).
 */
package io.deadlinesaga.messaging.outbox;
