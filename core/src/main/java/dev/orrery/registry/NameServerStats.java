package dev.orrery.registry;

/**
 * What the name server knows of itself.
 *
 * @param version      Orrery's version
 * @param uptimeMillis how long it has run
 * @param services     services with at least one instance
 * @param instances    live instances
 * @param watches      open watches
 * @param revision     its change counter
 */
public record NameServerStats(String version, long uptimeMillis, int services, int instances, int watches,
                              long revision) {
}
