package dev.orrery.registry;

/**
 * The answer to a registration.
 *
 * @param instanceId the instance's id, unique for the name server's lifetime
 * @param ownerToken the secret that renews, updates and deregisters the instance
 * @param ttlMillis  the lease granted
 */
public record Registration(String instanceId, String ownerToken, long ttlMillis) {

    /** No registration yet: what a registrar holds while the name server cannot be reached. */
    public static final Registration NONE = new Registration("", "", 0);
}
