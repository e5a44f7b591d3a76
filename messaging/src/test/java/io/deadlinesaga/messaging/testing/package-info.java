/**
 * Fakes for unit tests of the services' reactions without Spring: a transaction manager that holds no
 * resource but runs after-commit work as a real one does, an outbox in memory, a clock a test sets, and a
 * map-backed base for repositories.
 */
package io.deadlinesaga.messaging.testing;
