/**
 * The gateway: routes, configured in {@code gateway.yml}, each to a service's instances ({@code saga.gateway.urls},
 * from {@code ORDER_URL} … {@code SAGA_VIEW_URL}) taken in turn by Spring Cloud LoadBalancer, less those whose
 * health check fails; a failed request sent to the next instance when that is safe ({@code Failover}); and the
 * bound on request bodies every route shares ({@code saga.web.max-request-size}, as in the services). It owns no
 * data.
 */
package io.deadlinesaga.gateway;
