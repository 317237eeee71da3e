package dev.orrery.pubsub;

/**
 * How publishers and subscriptions appear in the name server, as {@code docs/protocol.md}, section 24.1, says:
 * instances of {@value #SERVICE} whose metadata carries these keys besides the node's own. Tools that list topics
 * read them; publishers find subscriptions by them.
 */
public final class TopicRegistration {
    /** The service publishers and subscriptions register under. */
    public static final String SERVICE = "orrery.topics";
    /** {@value #SUBSCRIBER} or {@value #PUBLISHER}. */
    public static final String ROLE = "topic.role";
    /** A subscription's id, or a publisher's identity. */
    public static final String ID = "topic.id";
    /** A subscription's pattern. */
    public static final String PATTERN = "topic.pattern";
    /** A publisher's topic. */
    public static final String TOPIC = "topic.name";
    /** A subscription's queue group; absent when it has none. */
    public static final String GROUP = "topic.group";
    /** A subscription's slow-consumer policy. */
    public static final String POLICY = "topic.policy";
    /** A subscription's window; 0 for the default. */
    public static final String SLOTS = "topic.slots";
    /** A publisher's delivery mode. */
    public static final String DELIVERY = "topic.delivery";
    /** The role of a subscription. */
    public static final String SUBSCRIBER = "subscriber";
    /** The role of a publisher. */
    public static final String PUBLISHER = "publisher";

    private TopicRegistration() {
    }
}
