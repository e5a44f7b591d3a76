/**
 * The exchange service: converts an order's amount into points at the currency's rate ({@code exchanging},
 * {@code rates}) and undoes the exchange when the order is rejected.
 */
package io.deadlinesaga.exchange;
