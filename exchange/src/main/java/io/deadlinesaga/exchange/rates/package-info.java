/** Exchange rates: how many points one unit of a currency is worth. */
package io.deadlinesaga.exchange.rates;
