package dev.orrery.pubsub;

/**
 * What one publisher has done, for {@code orrery topics} and metrics.
 *
 * @param topic        the topic
 * @param id           the publisher's identity
 * @param delivery     its delivery mode
 * @param published    messages published
 * @param subscribers  subscriptions it delivers to now
 * @param dropped      messages not delivered to a subscription because of its policy, summed over them
 * @param disconnected subscriptions cut off under {@link SlowConsumerPolicy#DISCONNECT}
 * @param failed       deliveries that failed: timed out, refused, or lost with their subscriber
 */
public record PublisherInfo(String topic, String id, Delivery delivery, long published, int subscribers,
                            long dropped, long disconnected, long failed) {
}
