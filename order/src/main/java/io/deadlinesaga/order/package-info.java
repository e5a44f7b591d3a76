/**
 * The order service: takes orders ({@code placing}) and decides each one, once and for good
 * ({@code decision}), from what exchange, point and deadline report.
 */
package io.deadlinesaga.order;
