/**
 * The receiving side: the listener stores each event a service handles in its inbox (once per eventId),
 * and the convoy runs the service's {@link io.deadlinesaga.messaging.inbox.OnEvent} handlers, one order's
 * events in order, many orders at once, with retries that hold no thread.
 */
package io.deadlinesaga.messaging.inbox;
