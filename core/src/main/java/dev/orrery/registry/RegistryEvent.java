package dev.orrery.registry;

/**
 * A change seen by a watch.
 *
 * @param kind     what happened
 * @param instance the instance it happened to; {@code null} for {@link Kind#CURRENT}
 * @param revision the name server's change counter after the change, increasing
 */
public record RegistryEvent(Kind kind, Instance instance, long revision) {

    /** What happened. */
    public enum Kind {
        /** An instance registered (or, at the start of a watch, was registered already). */
        REGISTERED,
        /** An instance's metadata changed. */
        UPDATED,
        /** An instance deregistered. */
        DEREGISTERED,
        /** An instance's lease ran out. */
        EXPIRED,
        /** The events before this one were the state when the watch began; changes follow. */
        CURRENT
    }
}
