package dev.orrery.registry;

import java.util.List;
import java.util.Map;

/**
 * What an instance registers.
 *
 * @param service   the service name, such as {@code demo.echo}
 * @param endpoints where it is served, such as {@code tcp://10.0.0.5:7070}; at least one
 * @param metadata  string pairs: version, host, user tags
 * @param ttlMillis the lease: how long it lives without a renewal
 */
public record InstanceSpec(String service, List<String> endpoints, Map<String, String> metadata, long ttlMillis) {

    /** The lease an instance gets unless it asks for another: 10 s, renewed every third of it. */
    public static final long DEFAULT_TTL_MILLIS = 10_000;
}
