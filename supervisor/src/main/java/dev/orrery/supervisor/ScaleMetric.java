package dev.orrery.supervisor;

import java.util.Locale;

/** What a service group's scaling watches, as {@code metric} in {@code [defaults.scale]} names it. */
public enum ScaleMetric {
    /** The share of the workers' handlers that are busy running calls. */
    UTILISATION,
    /** The share of the workers' slot windows that calls in flight take up. */
    SLOTS;

    /**
     * The value the config file writes, such as {@code utilisation}.
     *
     * @return the lower-case name
     */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
