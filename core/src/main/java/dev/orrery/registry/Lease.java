package dev.orrery.registry;

/**
 * A renewed lease.
 *
 * @param instanceId the instance
 * @param ttlMillis  how long it lives from now without another renewal
 */
public record Lease(String instanceId, long ttlMillis) {
}
