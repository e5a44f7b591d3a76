/** Taking orders: the order record, its API, and OrderCreated, the saga's first step. */
package io.deadlinesaga.order.placing;
