package dev.orrery.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Node;
import dev.orrery.NodeOptions;
import dev.orrery.SharedMemory;
import dev.orrery.nameserver.EmbeddedNameServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class PubSubSmokeTest {

    @Test
    void shouldDeliverWithinOneNode() throws Exception {
        try (Node node = Node.create(NodeOptions.builder().name("local").build())) {
            node.start();
            List<Long> got = new CopyOnWriteArrayList<>();
            try (TopicSubscription sub = node.subscribe("market.fx.*", Quote.class, m -> got.add(m.value().n()));
                 Publisher<Quote> pub = node.publisher("market.fx.eurusd", Quote.class, PublisherOptions.sync())) {
                for (int i = 1; i <= 100; i++) {
                    pub.publish(new Quote("eurusd", i)).get(5, TimeUnit.SECONDS);
                }
                assertThat(got).hasSize(100);
                assertThat(sub.info().received()).isEqualTo(100);
            }
        }
    }

    @Test
    void shouldDeliverAcrossNodesThroughTheNameServer() throws Exception {
        try (EmbeddedNameServer ns = EmbeddedNameServer.start("tcp://127.0.0.1:0");
             Node subscriber = node("sub", ns);
             Node publisher = node("pub", ns)) {
            subscriber.start();
            publisher.start();
            List<Long> got = new CopyOnWriteArrayList<>();
            subscriber.subscribe("market.>", Quote.class, m -> got.add(m.value().n()));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                    ns.service().locate("orrery.topics", java.util.Map.of()).size() == 1);
            Publisher<Quote> pub = publisher.publisher("market.fx.eurusd", Quote.class, PublisherOptions.sync());
            assertThat(pub.awaitSubscribers(1, 5000)).isTrue();
            for (int i = 1; i <= 1000; i++) {
                pub.publish(new Quote("eurusd", i)).get(5, TimeUnit.SECONDS);
            }
            assertThat(got).hasSize(1000);
            Publisher<Quote> async = publisher.publisher("market.fx.usdjpy", Quote.class);
            for (int i = 1; i <= 10000; i++) {
                async.publish(new Quote("usdjpy", i));
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 11000);
        }
    }

    private static Node node(String name, EmbeddedNameServer ns) {
        return Node.create(NodeOptions.builder().name(name).listen("tcp://127.0.0.1:0")
                .nameserver(ns.endpoint().toString()).sharedMemory(SharedMemory.NEVER).build());
    }
}
