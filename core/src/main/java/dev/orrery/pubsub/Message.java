package dev.orrery.pubsub;

/**
 * One message received by a subscription.
 *
 * <p>It holds one of the subscription's slots until released: when the handler returns, unless the
 * subscription is {@linkplain SubscribeOptions#manualRelease() released by hand}, in which case the handler
 * (or whatever it passed the message to) calls {@link #release()}.
 *
 * @param <T> the type of the value
 */
public interface Message<T> {

    /** @return the topic it was published on */
    String topic();

    /** @return the value */
    T value();

    /** @return the publisher's identity: its node, host and process, and its number there, as {@code node@host/pid#1} */
    String publisher();

    /**
     * The message's number in its publisher's sequence, from 1. A gap means messages were dropped for this
     * subscription by its slow-consumer policy.
     *
     * @return the sequence number
     */
    long sequence();

    /** Releases the message's slot. Calling it again does nothing. */
    void release();

    /**
     * Releases the slot reporting a failure: a {@link Delivery#SYNC} publisher's completion fails and names
     * this subscription.
     *
     * @param failure why the message could not be handled
     */
    void fail(Throwable failure);
}
