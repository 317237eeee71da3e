package dev.orrery.pubsub;

/**
 * What a publisher does when a subscriber's window of slots is full: every message the subscriber was sent
 * and has not yet released holds a slot. Nothing buffers without bound.
 */
public enum SlowConsumerPolicy {
    /** The publisher waits for a slot, up to its deadline, then fails with {@code RESOURCE_EXHAUSTED}. */
    BLOCK,
    /**
     * The publisher keeps up to a window of messages waiting for this subscriber and drops the oldest waiting
     * one to make room: the subscriber sees the newest. Drops are counted.
     */
    DROP_OLDEST,
    /** The new message is not sent to this subscriber. Drops are counted. */
    DROP_NEWEST,
    /** The subscriber is cut off from this publisher and told why. */
    DISCONNECT
}
