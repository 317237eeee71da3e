package dev.orrery.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Patterns: {@code *} stands for one segment, a last {@code >} for one or more; other topics are not delivered. */
@Timeout(60)
class WildcardTest {
    private static final List<String> TOPICS = List.of("market.fx.eurusd", "market.eq.eurusd", "market.fx.usdjpy",
            "market.fx", "market", "market.fx.eurusd.bid", "other.fx.eurusd", "marketing.fx.eurusd");

    @Test
    void shouldDeliverEachTopicToTheSubscriptionsWhosePatternsMatchIt() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            Map<String, Recorder> recorders = new LinkedHashMap<>();
            for (String pattern : List.of("market.*.eurusd", "market.>", "market.*", "*.fx.*", "market.fx.eurusd")) {
                Recorder recorder = new Recorder();
                recorders.put(pattern, recorder);
                cluster.node("sub-" + recorders.size()).subscribe(pattern, Quote.class, recorder);
            }
            cluster.awaitSubscriptions(recorders.size());
            Node publishing = cluster.node("pub");
            Map<String, Integer> expectedSubscribers = Map.of("market.fx.eurusd", 4, "market.eq.eurusd", 2,
                    "market.fx.usdjpy", 2, "market.fx", 2, "market", 0, "market.fx.eurusd.bid", 1,
                    "other.fx.eurusd", 1, "marketing.fx.eurusd", 1);
            for (int i = 0; i < TOPICS.size(); i++) {
                String topic = TOPICS.get(i);
                Publisher<Quote> publisher = publishing.publisher(topic, Quote.class, PublisherOptions.sync());
                int expected = expectedSubscribers.get(topic);
                assertThat(publisher.awaitSubscribers(expected, 10_000)).as(topic).isTrue();
                assertThat(publisher.subscribers()).as("subscriptions matching %s", topic).isEqualTo(expected);
                // SYNC: complete once every matching subscription has handled it.
                publisher.publish(new Quote(topic, i)).get(5, TimeUnit.SECONDS);
            }

            assertThat(topics(recorders.get("market.*.eurusd"))).containsExactly("market.fx.eurusd",
                    "market.eq.eurusd");
            assertThat(topics(recorders.get("market.>"))).containsExactly("market.fx.eurusd", "market.eq.eurusd",
                    "market.fx.usdjpy", "market.fx", "market.fx.eurusd.bid");
            assertThat(topics(recorders.get("market.*"))).containsExactly("market.fx");
            assertThat(topics(recorders.get("*.fx.*"))).containsExactly("market.fx.eurusd", "market.fx.usdjpy",
                    "other.fx.eurusd", "marketing.fx.eurusd");
            assertThat(topics(recorders.get("market.fx.eurusd"))).containsExactly("market.fx.eurusd");
        }
    }

    @Test
    void shouldMatchPatternsOfSubscriptionsOnThePublishersOwnNode() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            Node node = cluster.node("both");
            Recorder one = new Recorder();
            Recorder rest = new Recorder();
            node.subscribe("market.*.eurusd", Quote.class, one);
            node.subscribe("market.>", Quote.class, rest);
            for (int i = 0; i < TOPICS.size(); i++) {
                Publisher<Quote> publisher = node.publisher(TOPICS.get(i), Quote.class, PublisherOptions.sync());
                publisher.publish(new Quote(TOPICS.get(i), i)).get(5, TimeUnit.SECONDS);
            }

            assertThat(topics(one)).containsExactly("market.fx.eurusd", "market.eq.eurusd");
            assertThat(topics(rest)).containsExactly("market.fx.eurusd", "market.eq.eurusd", "market.fx.usdjpy",
                    "market.fx", "market.fx.eurusd.bid");
        }
    }

    private static List<String> topics(Recorder recorder) {
        for (Recorder.Got got : recorder.got()) {
            assertThat(got.n()).as("the value sent on %s", got.topic()).isEqualTo(TOPICS.indexOf(got.topic()));
        }
        return recorder.got().stream().map(Recorder.Got::topic).toList();
    }
}
