/**
 * The Testcontainers tier: the real services, the saga view and the gateway started in one JVM against Apache
 * Kafka and PostgreSQL in containers (the images docker-compose.yml runs), and one approved and one rejected
 * order driven through the gateway over HTTP. It needs Docker, and is skipped where there is none.
 */
package io.deadlinesaga.system.containers;
