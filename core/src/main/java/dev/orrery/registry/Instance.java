package dev.orrery.registry;

import java.util.List;
import java.util.Map;

/**
 * A registered instance of a service, as the name server sees it.
 *
 * @param id              its id
 * @param service         the service name
 * @param endpoints       where it is served
 * @param metadata        its metadata
 * @param ttlMillis       its lease
 * @param registeredAt    when it registered, milliseconds since the epoch
 * @param lastRenewedAt   when its lease was last renewed, milliseconds since the epoch
 */
public record Instance(String id, String service, List<String> endpoints, Map<String, String> metadata,
                       long ttlMillis, long registeredAt, long lastRenewedAt) {
}
