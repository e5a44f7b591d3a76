/**
 * The gateway: routes, configured in {@code gateway.yml}, and the bound on request bodies every route shares
 * ({@code saga.web.max-request-size}, as in the services); it owns no data.
 */
package io.deadlinesaga.gateway;
