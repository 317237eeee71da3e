package dev.orrery.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orrery.Node;
import dev.orrery.NodeOptions;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Topics within one node: the same flows, windows and policies as between nodes, without a network. */
@Timeout(60)
class LocalTopicsTest {
    private Node node;

    /** A test value. @param from its publisher @param n its number */
    public record Tick(int from, long n) {
    }

    @BeforeEach
    void start() {
        node = Node.create(NodeOptions.builder().name("local").defaultDeadline(Duration.ofSeconds(5)).build());
        node.start();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void shouldKeepEachPublishersOrderWhenPublishersRunConcurrently() throws Exception {
        int publishers = 4;
        int each = 20_000;
        Map<Integer, Long> last = new ConcurrentHashMap<>();
        List<String> disorder = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(publishers * each);
        node.subscribe("ticks.>", Tick.class, message -> {
            Long previous = last.put(message.value().from(), message.value().n());
            if (previous != null && previous + 1 != message.value().n()) {
                disorder.add(previous + " then " + message.value().n() + " from " + message.value().from());
            }
            all.countDown();
        });
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            int from = p;
            Publisher<Tick> publisher = node.publisher("ticks.p" + p, Tick.class);
            threads.add(Thread.ofVirtual().start(() -> {
                for (long n = 1; n <= each; n++) {
                    publisher.publish(new Tick(from, n));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(disorder).isEmpty();
    }

    @Test
    void shouldDropTheNewestAndCountItOnBothSides() throws Exception {
        List<Message<Tick>> held = new CopyOnWriteArrayList<>();
        TopicSubscription subscription = node.subscribe("ticks", Tick.class, held::add, SubscribeOptions.defaults()
                .withSlots(4).withPolicy(SlowConsumerPolicy.DROP_NEWEST).withManualRelease());
        Publisher<Tick> publisher = node.publisher("ticks", Tick.class);
        for (int n = 1; n <= 10; n++) {
            publisher.publish(new Tick(0, n)).get(5, TimeUnit.SECONDS);
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> held.size() == 4);
        assertThat(publisher.info().dropped()).isEqualTo(6);
        held.forEach(Message::release);
        publisher.publish(new Tick(0, 11)).get(5, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> held.size() == 5);
        assertThat(held.stream().map(m -> m.value().n()).toList()).containsExactly(1L, 2L, 3L, 4L, 11L);
        assertThat(subscription.info().dropped()).as("the gap from 4 to 11").isEqualTo(6);
    }

    @Test
    void shouldFailASyncPublishNamingTheSubscriptionWhoseHandlerFailed() {
        TopicSubscription subscription = node.subscribe("orders", Tick.class, message -> {
            throw new IllegalStateException("no stock for " + message.value().n());
        });
        Publisher<Tick> publisher = node.publisher("orders", Tick.class, PublisherOptions.sync());
        assertThatThrownBy(() -> publisher.publish(new Tick(0, 7)).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(OrreryException.class)
                .hasMessageContaining(subscription.id()).hasMessageContaining("no stock for 7");
        assertThat(subscription.info().failed()).isEqualTo(1);
    }

    @Test
    void shouldCompleteASyncPublishOnlyOnceReleased() throws Exception {
        List<Message<Tick>> held = new CopyOnWriteArrayList<>();
        node.subscribe("orders", Tick.class, held::add, SubscribeOptions.defaults().withManualRelease());
        Publisher<Tick> publisher = node.publisher("orders", Tick.class, PublisherOptions.sync());
        var done = publisher.publish(new Tick(0, 1));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> held.size() == 1);
        Thread.sleep(50);
        assertThat(done).isNotDone();
        held.getFirst().release();
        done.get(5, TimeUnit.SECONDS);
    }

    @Test
    void shouldFailASyncPublishWhenTheSubscriptionClosesWithoutReleasing() {
        List<Message<Tick>> held = new CopyOnWriteArrayList<>();
        TopicSubscription subscription = node.subscribe("orders", Tick.class, held::add,
                SubscribeOptions.defaults().withManualRelease());
        Publisher<Tick> publisher = node.publisher("orders", Tick.class, PublisherOptions.sync());
        var done = publisher.publish(new Tick(0, 1));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> held.size() == 1);
        subscription.close();
        assertThatThrownBy(() -> done.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(OrreryException.class)
                .hasMessageContaining(subscription.id()).hasMessageContaining("closed");
        assertThat(publisher.subscribers()).isZero();
    }

    @Test
    void shouldLetACompletionPublishAgain() throws Exception {
        List<Long> got = new CopyOnWriteArrayList<>();
        node.subscribe("chain", Tick.class, message -> got.add(message.value().n()));
        Publisher<Tick> publisher = node.publisher("chain", Tick.class);
        publisher.publish(new Tick(0, 1)).thenCompose(done -> publisher.publish(new Tick(0, 2)))
                .get(5, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == 2);
        assertThat(got).containsExactly(1L, 2L);
    }

    @Test
    void shouldFailAMessageThatDoesNotDecodeWithoutCallingTheHandler() {
        List<Object> got = new CopyOnWriteArrayList<>();
        TopicSubscription subscription = node.subscribe("mixed", Tick.class, got::add);
        Publisher<String> publisher = node.publisher("mixed", String.class, PublisherOptions.sync());
        assertThatThrownBy(() -> publisher.publish("not a tick").get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOf(OrreryException.class)
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.INVALID_ARGUMENT))
                .hasMessageContaining("cannot decode");
        assertThat(got).isEmpty();
        assertThat(subscription.info().failed()).isEqualTo(1);
    }

    @Test
    void shouldRefuseBadNamesSayingWhy() {
        assertThatThrownBy(() -> node.publisher("market.*", Tick.class)).isInstanceOf(OrreryException.class)
                .hasMessageContaining("wildcards belong in subscriptions");
        assertThatThrownBy(() -> node.subscribe("market.>.x", Tick.class, m -> { }))
                .isInstanceOf(OrreryException.class).hasMessageContaining("only be the last segment");
        assertThatThrownBy(() -> SubscribeOptions.defaults().withSlots(100_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536");
    }
}
