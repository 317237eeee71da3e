package dev.orrery.cli;

import dev.orrery.registry.Instance;
import java.util.Map;

/**
 * How publishers and subscriptions appear in the name server: as instances of {@value #SERVICE} with the metadata
 * of {@code docs/protocol.md}, section 24.1.
 */
final class TopicRegistrations {

    /** The service they register under. */
    static final String SERVICE = "orrery.topics";
    static final String ROLE = "topic.role";
    static final String ID = "topic.id";
    static final String PATTERN = "topic.pattern";
    static final String TOPIC = "topic.name";
    static final String GROUP = "topic.group";
    static final String SUBSCRIBER = "subscriber";
    static final String PUBLISHER = "publisher";

    /** The filter that locates only subscriptions. */
    static final Map<String, String> SUBSCRIPTIONS = Map.of(ROLE, SUBSCRIBER);

    private TopicRegistrations() {
    }

    /**
     * The identity of the node that registered an instance, as its {@code orrery.pubsub} report names it.
     *
     * @param instance an instance of {@value #SERVICE}
     * @return such as {@code subscribe@box/4321}
     */
    static String node(Instance instance) {
        Map<String, String> metadata = instance.metadata();
        return metadata.getOrDefault("node", "?") + "@" + metadata.getOrDefault("host", "?") + "/"
                + metadata.getOrDefault("pid", "?");
    }
}
