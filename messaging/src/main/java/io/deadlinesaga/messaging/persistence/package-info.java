/** Persistence helpers shared by the services' entities. */
package io.deadlinesaga.messaging.persistence;
