package io.deadlinesaga.gateway;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;

/**
 * Where each service runs ({@code saga.gateway.urls.<service>}, set from {@code ORDER_URL} … {@code SAGA_VIEW_URL}):
 * one URL, or several separated by commas, one per instance. The route {@code lb://<service>} takes them in turn.
 *
 * @param urls each service's instances, by the service's name in the routes
 */
@ConfigurationProperties("saga.gateway")
record ServiceUrls(@DefaultValue Map<String, List<URI>> urls) {

    ServiceUrls {
        urls = Map.copyOf(urls);
        urls.forEach((service, instances) -> {
            if (instances.isEmpty()) {
                throw new IllegalArgumentException("saga.gateway.urls." + service + " lists no URL");
            }
            for (URI url : instances) {
                if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                    throw new IllegalArgumentException(
                            "saga.gateway.urls." + service + ": not an http(s) URL with a host: " + url);
                }
            }
        });
    }

    /** The service's instances, in the order listed, named {@code <service>-1}, {@code <service>-2} … */
    List<ServiceInstance> instancesOf(String service) {
        List<URI> listed = urls.get(service);
        if (listed == null) {
            throw new IllegalStateException("a route goes to lb://" + service + " but saga.gateway.urls." + service
                    + " is not set");
        }
        List<ServiceInstance> instances = new ArrayList<>(listed.size());
        for (URI url : listed) {
            boolean secure = "https".equals(url.getScheme());
            int port = url.getPort() != -1 ? url.getPort() : secure ? 443 : 80;
            instances.add(new DefaultServiceInstance(service + "-" + (instances.size() + 1), service, url.getHost(),
                    port, secure));
        }
        return List.copyOf(instances);
    }
}
