package dev.orrery;

import java.util.Locale;

/**
 * Whether a node uses shared memory ({@code shm://}) with peers on its own host. Shared memory needs the
 * {@code orrery-transport-shm} module on the class path; without it every mode behaves as {@link #NEVER}.
 */
public enum SharedMemory {
    /**
     * The default. A node that registers with a name server and listens on TCP also listens on a shared-memory
     * endpoint and registers both; a caller uses an instance's shared-memory endpoint when the instance runs on
     * the same host (the same boot of the same kernel) under the same user, and TCP otherwise.
     */
    AUTO,
    /** Like {@link #AUTO}, but a caller uses any instance's shared-memory endpoint, wherever it says it runs. */
    ALWAYS,
    /** No shared-memory listener is added, and located calls never go over shared memory. */
    NEVER;

    /**
     * The mode of a name, as in configuration and on command lines.
     *
     * @param name {@code auto}, {@code always} or {@code never}, case-insensitive
     * @return the mode
     * @throws IllegalArgumentException for another name, listing the valid ones
     */
    public static SharedMemory of(String name) {
        for (SharedMemory mode : values()) {
            if (mode.name().equalsIgnoreCase(name.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown shared-memory mode '" + name + "'; expected auto, always or never");
    }

    /** @return the name as written in configuration, such as {@code auto} */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
