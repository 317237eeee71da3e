package dev.orrery.pubsub;

import java.util.Objects;

/**
 * How a subscription receives.
 *
 * @param slots         the window each publisher may fill with messages not yet released; 0 for the default,
 *                      16 from an {@link Delivery#ASYNC} publisher and 1 from a {@link Delivery#SYNC} one
 * @param policy        what a publisher does when the window is full; {@link SlowConsumerPolicy#BLOCK} by
 *                      default
 * @param group         a queue group: subscriptions of one group share each publisher's messages, each
 *                      message going to one of them; {@code null} for none
 * @param manualRelease whether the handler releases each message itself with {@link Message#release()}
 *                      instead of when it returns
 * @param direct        whether the handler runs on the transport's thread, for handlers that never block;
 *                      by default it runs on a virtual thread
 */
public record SubscribeOptions(int slots, SlowConsumerPolicy policy, String group, boolean manualRelease,
                               boolean direct) {

    /** The most slots a subscription may grant. */
    public static final int MAX_SLOTS = 65_536;
    /** The default window for an ASYNC publisher. */
    public static final int DEFAULT_ASYNC_SLOTS = 16;
    /** The default window for a SYNC publisher. */
    public static final int DEFAULT_SYNC_SLOTS = 1;
    /** The defaults: automatic window, BLOCK, no group, released when the handler returns. */
    public static final SubscribeOptions DEFAULTS = new SubscribeOptions(0, SlowConsumerPolicy.BLOCK, null, false,
            false);

    /**
     * Checks the options.
     *
     * @param slots         the window, or 0
     * @param policy        the slow-consumer policy
     * @param group         the queue group, or {@code null}
     * @param manualRelease whether the handler releases
     * @param direct        whether the handler runs on the transport's thread
     */
    public SubscribeOptions {
        Objects.requireNonNull(policy, "policy");
        if (slots < 0 || slots > MAX_SLOTS) {
            throw new IllegalArgumentException("slots must be 1 to " + MAX_SLOTS + ", or 0 for the default; got "
                    + slots);
        }
        if (group != null && !group.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*")) {
            throw new IllegalArgumentException("a queue group name is dotted segments of letters, digits, '_' and "
                    + "'-', like a topic; got \"" + group + "\"");
        }
    }

    /** @return the defaults */
    public static SubscribeOptions defaults() {
        return DEFAULTS;
    }

    /** @param value the window; 0 for the default @return a copy with it */
    public SubscribeOptions withSlots(int value) {
        return new SubscribeOptions(value, policy, group, manualRelease, direct);
    }

    /** @param value the slow-consumer policy @return a copy with it */
    public SubscribeOptions withPolicy(SlowConsumerPolicy value) {
        return new SubscribeOptions(slots, value, group, manualRelease, direct);
    }

    /** @param value the queue group, or {@code null} @return a copy with it */
    public SubscribeOptions withGroup(String value) {
        return new SubscribeOptions(slots, policy, value, manualRelease, direct);
    }

    /** @return a copy whose handler releases each message itself */
    public SubscribeOptions withManualRelease() {
        return new SubscribeOptions(slots, policy, group, true, direct);
    }

    /** @return a copy whose handler runs on the transport's thread */
    public SubscribeOptions withDirect() {
        return new SubscribeOptions(slots, policy, group, manualRelease, true);
    }

    /**
     * The window granted to a publisher.
     *
     * @param delivery the publisher's delivery mode
     * @return the slots
     */
    public int window(Delivery delivery) {
        return window(slots, delivery);
    }

    /**
     * The window granted to a publisher.
     *
     * @param slots    the slots asked for, or 0 for the default
     * @param delivery the publisher's delivery mode
     * @return the slots
     */
    public static int window(int slots, Delivery delivery) {
        return slots > 0 ? slots : delivery == Delivery.SYNC ? DEFAULT_SYNC_SLOTS : DEFAULT_ASYNC_SLOTS;
    }
}
