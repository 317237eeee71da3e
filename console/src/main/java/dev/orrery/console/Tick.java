package dev.orrery.console;

import java.util.function.Supplier;

/**
 * One turn of the {@link EventHub}: the snapshot of every group, taken at most once however many streams want it.
 * Only the hub's thread uses a tick.
 */
final class Tick {

    private final Supplier<String> services;
    private String servicesJson;

    Tick(Supplier<String> services) {
        this.services = services;
    }

    /**
     * Every group, as the JSON array that {@code GET /api/services} answers.
     *
     * @return the JSON text
     */
    String servicesJson() {
        if (servicesJson == null) {
            servicesJson = services.get();
        }
        return servicesJson;
    }
}
