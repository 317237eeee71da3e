package dev.orrery.nameserver;

import dev.orrery.registry.InstanceSpec;
import java.util.List;
import java.util.Map;

/** Registrations for tests. */
final class Specs {

    private Specs() {
    }

    static InstanceSpec spec(String service, String endpoint) {
        return new InstanceSpec(service, List.of(endpoint), Map.of(), 0);
    }

    static InstanceSpec spec(String service, String endpoint, Map<String, String> metadata) {
        return new InstanceSpec(service, List.of(endpoint), metadata, 0);
    }

    static InstanceSpec spec(String service, String endpoint, long ttlMillis) {
        return new InstanceSpec(service, List.of(endpoint), Map.of(), ttlMillis);
    }
}
