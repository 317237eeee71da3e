package dev.orrery.pubsub;

import dev.orrery.OrreryException;

/**
 * Receives the messages of a subscription, one at a time, in each publisher's order.
 *
 * @param <T> the type of the values
 */
@FunctionalInterface
public interface MessageHandler<T> {

    /**
     * One message. When the handler throws, the message is released as failed: a {@link Delivery#SYNC}
     * publisher's completion fails and names this subscription.
     *
     * @param message the message
     * @throws Exception when it cannot be handled
     */
    void onMessage(Message<T> message) throws Exception;

    /**
     * A publisher cut this subscription off, because its window stayed full under
     * {@link SlowConsumerPolicy#DISCONNECT}, or ended it for another reason than closing. Messages already
     * received are delivered first.
     *
     * @param publisher the publisher's identity
     * @param why       the reason, with its status
     */
    default void disconnected(String publisher, OrreryException why) {
    }
}
