package dev.orrery.pubsub;

/** When a publish completes. */
public enum Delivery {
    /**
     * When the message has been written to every current subscriber (or dropped by its policy). Fast; a
     * message written to a subscriber that then dies is lost without an error, like a TCP buffer.
     */
    ASYNC,
    /**
     * When every current subscriber has released the message. If one fails, is cut off, dies or does not
     * release it before the deadline, the completion fails and names it: no message is lost without an error.
     */
    SYNC
}
