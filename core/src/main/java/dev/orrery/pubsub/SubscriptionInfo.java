package dev.orrery.pubsub;

/**
 * What one subscription has received, for {@code orrery topics} and metrics.
 *
 * @param pattern    the pattern
 * @param id         its id
 * @param group      its queue group, or {@code null}
 * @param policy     its slow-consumer policy
 * @param received   messages received
 * @param dropped    messages its publishers dropped for it, as seen from gaps in their sequences
 * @param failed     messages whose handling failed
 * @param publishers publishers delivering to it now
 */
public record SubscriptionInfo(String pattern, String id, String group, SlowConsumerPolicy policy, long received,
                               long dropped, long failed, int publishers) {
}
