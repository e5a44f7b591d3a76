/** The gateway: routes only, configured in {@code gateway.yml}; it owns no data. */
package io.deadlinesaga.gateway;
