package dev.orrery.cli;

import dev.orrery.pubsub.PublisherInfo;
import dev.orrery.pubsub.SubscriptionInfo;
import dev.orrery.pubsub.TopicRegistration;
import dev.orrery.pubsub.TopicsInfo;
import dev.orrery.registry.Instance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What {@code orrery topics} prints: one row per topic that publishers publish to, and one per pattern (and queue
 * group) that subscriptions take, summed over the nodes' reports. A node that did not answer adds its publishers
 * or subscriptions, as the name server lists them, but no messages.
 */
final class TopicRows {

    /** Whether a row is about publishers of a topic or subscriptions to a pattern. */
    enum Kind {
        TOPIC, PATTERN
    }

    /**
     * One row.
     *
     * @param kind         publishers of a topic, or subscriptions to a pattern
     * @param name         the topic or the pattern
     * @param group        the subscriptions' queue group, or {@code null}
     * @param publishers   publishers of the topic; for a pattern, the most publishers delivering to one of its
     *                     subscriptions
     * @param subscribers  subscriptions to the pattern; for a topic, the most subscriptions one of its publishers
     *                     delivers to
     * @param published    messages published, for a topic; {@code null} for a pattern or when no node answered
     * @param received     messages received, for a pattern; {@code null} for a topic or when no node answered
     * @param perSecond    messages published or received per second between the two samples, or {@code null}
     * @param dropped      messages dropped by the subscriptions' policies, as the publishers or subscriptions count
     *                     them; {@code null} when no node answered
     * @param disconnected subscriptions the publishers cut off; {@code null} for a pattern or when no node answered
     * @param failed       deliveries that failed (topic) or messages whose handling failed (pattern), or
     *                     {@code null} when no node answered
     * @param nodes        the nodes that answered, such as {@code subscribe@box/4321}
     * @param unreachable  the nodes that did not
     */
    record Row(Kind kind, String name, String group, int publishers, int subscribers, Long published, Long received,
               Double perSecond, Long dropped, Long disconnected, Long failed, List<String> nodes,
               List<String> unreachable) {
    }

    /** The sums of one row, while the reports are read. */
    private static final class Sums {
        final Kind kind;
        final String name;
        final String group;
        int publishers;
        int subscribers;
        long messages;
        long dropped;
        long disconnected;
        long failed;
        double perSecond;
        boolean answered;
        boolean rated;
        final Set<String> nodes = new LinkedHashSet<>();
        final Set<String> unreachable = new LinkedHashSet<>();

        Sums(Kind kind, String name, String group) {
            this.kind = kind;
            this.name = name;
            this.group = group;
        }

        Row row() {
            boolean topic = kind == Kind.TOPIC;
            Long counted = answered ? messages : null;
            return new Row(kind, name, group, publishers, subscribers, topic ? counted : null, topic ? null : counted,
                    rated ? perSecond : null, answered ? dropped : null, topic && answered ? disconnected : null,
                    answered ? failed : null, List.copyOf(nodes), List.copyOf(unreachable));
        }
    }

    private TopicRows() {
    }

    /**
     * Sums the reports into rows, sorted by name, a topic before a pattern of the same name.
     *
     * @param nodes every node, asked
     * @return the rows
     */
    static List<Row> of(List<TopicNodes.Asked> nodes) {
        Map<String, Sums> rows = new TreeMap<>();
        for (TopicNodes.Asked node : nodes) {
            TopicsInfo.Report latest = node.latest();
            if (latest == null) {
                node.registrations().forEach(instance -> registered(rows, instance, node.identity()));
                continue;
            }
            TopicsInfo.Report earlier = node.earlier();
            double seconds = earlier == null ? 0 : (latest.uptimeMillis() - earlier.uptimeMillis()) / 1000.0;
            for (PublisherInfo publisher : latest.publishers()) {
                Sums sums = sums(rows, Kind.TOPIC, publisher.topic(), null);
                sums.publishers++;
                sums.subscribers = Math.max(sums.subscribers, publisher.subscribers());
                sums.messages += publisher.published();
                sums.dropped += publisher.dropped();
                sums.disconnected += publisher.disconnected();
                sums.failed += publisher.failed();
                answered(sums, node.identity());
                PublisherInfo before = earlier == null ? null
                        : find(earlier.publishers(), PublisherInfo::id, publisher.id());
                rate(sums, before == null ? -1 : publisher.published() - before.published(), seconds);
            }
            for (SubscriptionInfo subscription : latest.subscriptions()) {
                Sums sums = sums(rows, Kind.PATTERN, subscription.pattern(), subscription.group());
                sums.subscribers++;
                sums.publishers = Math.max(sums.publishers, subscription.publishers());
                sums.messages += subscription.received();
                sums.dropped += subscription.dropped();
                sums.failed += subscription.failed();
                answered(sums, node.identity());
                SubscriptionInfo before = earlier == null ? null
                        : find(earlier.subscriptions(), SubscriptionInfo::id, subscription.id());
                rate(sums, before == null ? -1 : subscription.received() - before.received(), seconds);
            }
        }
        List<Row> sorted = new ArrayList<>();
        rows.values().forEach(sums -> sorted.add(sums.row()));
        sorted.sort(Comparator.comparing(Row::name).thenComparing(Row::kind)
                .thenComparing(row -> Objects.toString(row.group(), "")));
        return sorted;
    }

    /** A publisher or subscription of a node that did not answer, as the name server lists it. */
    private static void registered(Map<String, Sums> rows, Instance instance, String identity) {
        Map<String, String> metadata = instance.metadata();
        String role = metadata.get(TopicRegistration.ROLE);
        Sums sums;
        if (TopicRegistration.PUBLISHER.equals(role) && metadata.containsKey(TopicRegistration.TOPIC)) {
            sums = sums(rows, Kind.TOPIC, metadata.get(TopicRegistration.TOPIC), null);
            sums.publishers++;
        } else if (TopicRegistration.SUBSCRIBER.equals(role) && metadata.containsKey(TopicRegistration.PATTERN)) {
            sums = sums(rows, Kind.PATTERN, metadata.get(TopicRegistration.PATTERN),
                    metadata.get(TopicRegistration.GROUP));
            sums.subscribers++;
        } else {
            return;
        }
        sums.unreachable.add(identity);
    }

    private static Sums sums(Map<String, Sums> rows, Kind kind, String name, String group) {
        String key = name + "\u0000" + kind + "\u0000" + Objects.toString(group, "");
        return rows.computeIfAbsent(key, ignored -> new Sums(kind, name, group));
    }

    private static void answered(Sums sums, String identity) {
        sums.answered = true;
        sums.nodes.add(identity);
    }

    /** Adds one publisher's or subscription's rate, when it was in both samples. */
    private static void rate(Sums sums, long delta, double seconds) {
        if (delta >= 0 && seconds > 0) {
            sums.perSecond += delta / seconds;
            sums.rated = true;
        }
    }

    private static <T> T find(List<T> infos, Function<T, String> id, String wanted) {
        for (T info : infos) {
            if (wanted.equals(id.apply(info))) {
                return info;
            }
        }
        return null;
    }
}
