package io.deadlinesaga.messaging.inbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a bean as the reaction of its service to one event: the method's first parameter is the
 * event record it handles; an optional second parameter of type {@link Delivery} tells which attempt this
 * is. The method runs in a transaction that also records the event as processed, once per eventId, after
 * every earlier event of the same order; to emit events it appends them to the
 * {@link io.deadlinesaga.messaging.outbox.Outbox}. It throws to be retried ({@link RetryLater} to choose when).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnEvent {
}
