package dev.orrery.registry;

/**
 * A service and how many instances it has.
 *
 * @param service   the service name
 * @param instances its live instances
 */
public record ServiceSummary(String service, int instances) {
}
