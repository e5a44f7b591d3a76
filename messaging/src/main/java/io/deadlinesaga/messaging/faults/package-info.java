/** Fault injection by special currencies, so users can watch the saga's races and see it stay consistent. */
package io.deadlinesaga.messaging.faults;
