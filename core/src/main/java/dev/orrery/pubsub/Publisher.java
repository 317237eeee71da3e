package dev.orrery.pubsub;

import java.util.concurrent.CompletableFuture;

/**
 * Publishes values to one topic. Made by {@code node.publisher(topic, type)}; safe to share between threads.
 *
 * <p>Every current subscriber whose pattern matches the topic receives each message, in this publisher's
 * order; a queue group receives each message once, at one of its members. Subscribers are found through the
 * name server, and those of this node directly, and one that starts later receives what is published after it
 * is found.
 *
 * @param <T> the type of the values
 */
public interface Publisher<T> extends AutoCloseable {

    /**
     * Publishes a value. It may wait, up to the deadline, while a {@link SlowConsumerPolicy#BLOCK} subscriber's
     * window is full; it never runs user code.
     *
     * @param value the value
     * @return completes as its {@link Delivery} says, or fails naming each subscriber that did not take it
     */
    CompletableFuture<Void> publish(T value);

    /** @return the topic */
    String topic();

    /** @return the subscriptions this publisher currently delivers to, queue-group members included */
    int subscribers();

    /**
     * Waits until at least this many subscriptions are known, for a publisher that must not publish into the
     * void; each is reachable or waits for its connection with the messages it is sent.
     *
     * @param count         how many
     * @param timeoutMillis how long to wait
     * @return whether they were found in time
     * @throws InterruptedException when interrupted
     */
    boolean awaitSubscribers(int count, long timeoutMillis) throws InterruptedException;

    /** @return counts of what this publisher has done */
    PublisherInfo info();

    /** Stops publishing, after the messages already accepted have been written; subscribers are told. */
    @Override
    void close();
}
