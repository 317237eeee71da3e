package dev.orrery.pubsub;

import dev.orrery.Subscription;

/** An open subscription: made by {@code node.subscribe(pattern, type, handler)}, stopped by {@link #close()}. */
public interface TopicSubscription extends Subscription {

    /** @return the pattern */
    String pattern();

    /** @return the subscription's id, unique across nodes */
    String id();

    /** @return counts of what it has received */
    SubscriptionInfo info();

    /** Stops receiving: publishers are told, messages not yet handled are dropped. */
    @Override
    void close();
}
