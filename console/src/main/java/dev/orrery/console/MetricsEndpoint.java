package dev.orrery.console;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** {@code GET /metrics}: the supervisor's meters in Prometheus's text format, for a Prometheus server to scrape. */
final class MetricsEndpoint {

    /** The media type of Prometheus's text exposition format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsEndpoint(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Adds this area's route.
     *
     * @param router the router
     */
    void addTo(Router router) {
        router.add("GET", "/metrics", (request, path) -> Response.text(200, CONTENT_TYPE, registry.scrape()));
    }
}
