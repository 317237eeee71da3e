package dev.orrery.registry;

/**
 * The answer to a registration.
 *
 * @param instanceId the instance's id, unique for the name server's lifetime
 * @param ownerToken the secret that renews, updates and deregisters the instance
 * @param ttlMillis  the lease granted
 */
public record Registration(String instanceId, String ownerToken, long ttlMillis) {
}
