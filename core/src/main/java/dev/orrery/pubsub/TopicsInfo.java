package dev.orrery.pubsub;

import dev.orrery.Service;
import java.util.List;

/**
 * The topics of one node, served by every node that publishes or subscribes as the service
 * {@value #NAME}; {@code orrery topics} asks each of them.
 */
@Service(TopicsInfo.NAME)
public interface TopicsInfo {

    /** The service name. */
    String NAME = "orrery.pubsub";

    /**
     * The node's publishers and subscriptions.
     *
     * @return a report
     */
    Report report();

    /**
     * One node's publishers and subscriptions.
     *
     * @param node          the node's identity
     * @param uptimeMillis  how long the node has run
     * @param publishers    its publishers
     * @param subscriptions its subscriptions
     */
    record Report(String node, long uptimeMillis, List<PublisherInfo> publishers,
                  List<SubscriptionInfo> subscriptions) {
    }
}
