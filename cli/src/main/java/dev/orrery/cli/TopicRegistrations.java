package dev.orrery.cli;

import dev.orrery.pubsub.TopicRegistration;
import dev.orrery.registry.Instance;
import java.util.Map;

/** What the topic commands read from the registrations {@link TopicRegistration} describes. */
final class TopicRegistrations {

    /** The filter that locates only subscriptions. */
    static final Map<String, String> SUBSCRIPTIONS = Map.of(TopicRegistration.ROLE, TopicRegistration.SUBSCRIBER);

    private TopicRegistrations() {
    }

    /**
     * The identity of the node that registered an instance, as its {@code orrery.pubsub} report names it.
     *
     * @param instance an instance of {@value TopicRegistration#SERVICE}
     * @return such as {@code subscribe@box/4321}
     */
    static String node(Instance instance) {
        Map<String, String> metadata = instance.metadata();
        return metadata.getOrDefault("node", "?") + "@" + metadata.getOrDefault("host", "?") + "/"
                + metadata.getOrDefault("pid", "?");
    }
}
