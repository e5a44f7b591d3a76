/**
 * Fakes for unit tests of the services' reactions without Spring: a transaction manager that holds no
 * resource but runs after-commit work as a real one does, an outbox in memory, a clock a test sets, a
 * database migrated as a service's is ({@link MigratedH2}), and a
 * map-backed base for repositories.
 */
package io.deadlinesaga.messaging.testing;
