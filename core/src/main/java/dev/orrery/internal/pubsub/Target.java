package dev.orrery.internal.pubsub;

import static dev.orrery.pubsub.TopicRegistration.GROUP;
import static dev.orrery.pubsub.TopicRegistration.ID;
import static dev.orrery.pubsub.TopicRegistration.PATTERN;
import static dev.orrery.pubsub.TopicRegistration.POLICY;
import static dev.orrery.pubsub.TopicRegistration.ROLE;
import static dev.orrery.pubsub.TopicRegistration.SLOTS;
import static dev.orrery.pubsub.TopicRegistration.SUBSCRIBER;

import dev.orrery.pubsub.Delivery;
import dev.orrery.pubsub.SlowConsumerPolicy;
import dev.orrery.pubsub.SubscribeOptions;
import dev.orrery.pubsub.TopicPattern;
import dev.orrery.registry.Instance;
import java.util.Map;

/**
 * A subscription a publisher may deliver to: one of this node's, or one registered with the name server.
 *
 * @param id       the subscription's id
 * @param pattern  its pattern
 * @param group    its queue group, or {@code null}
 * @param policy   its slow-consumer policy
 * @param slots    its window, 0 for the default
 * @param instance its registration, for one on another node; {@code null} for a local one
 * @param local    the subscription itself, for one on this node; {@code null} otherwise
 */
record Target(String id, TopicPattern pattern, String group, SlowConsumerPolicy policy, int slots,
              Instance instance, LocalSubscription<?> local) {

    static Target of(LocalSubscription<?> subscription) {
        SubscribeOptions options = subscription.options();
        return new Target(subscription.id(), subscription.topicPattern(), options.group(), options.policy(),
                options.slots(), null, subscription);
    }

    /**
     * A registered subscription, or {@code null} when the instance is not one or its metadata is not valid.
     *
     * @param instance an instance of the topics service
     * @return the target, or {@code null}
     */
    static Target of(Instance instance) {
        Map<String, String> metadata = instance.metadata();
        if (!SUBSCRIBER.equals(metadata.get(ROLE))) {
            return null;
        }
        try {
            return new Target(metadata.get(ID), TopicPattern.of(metadata.get(PATTERN)), metadata.get(GROUP),
                    SlowConsumerPolicy.valueOf(metadata.getOrDefault(POLICY, SlowConsumerPolicy.BLOCK.name())),
                    Integer.parseInt(metadata.getOrDefault(SLOTS, "0")), instance, null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Map<String, String> metadata(LocalSubscription<?> subscription) {
        SubscribeOptions options = subscription.options();
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        metadata.put(ROLE, SUBSCRIBER);
        metadata.put(ID, subscription.id());
        metadata.put(PATTERN, subscription.pattern());
        if (options.group() != null) {
            metadata.put(GROUP, options.group());
        }
        metadata.put(POLICY, options.policy().name());
        metadata.put(SLOTS, Integer.toString(options.slots()));
        return metadata;
    }

    /**
     * The window granted to a publisher.
     *
     * @param delivery the publisher's mode
     * @return the slots
     */
    int window(Delivery delivery) {
        return SubscribeOptions.window(slots, delivery);
    }

    /** @return words for messages: the subscription, its pattern and where it is */
    String describe() {
        String where = instance == null ? "this node" : instance.metadata().getOrDefault("node", "?") + " "
                + instance.endpoints();
        return "subscription " + id + " (" + pattern + (group == null ? "" : ", group " + group) + ") at " + where;
    }
}
