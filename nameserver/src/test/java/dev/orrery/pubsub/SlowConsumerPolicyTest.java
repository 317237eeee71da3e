package dev.orrery.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Node;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a publisher does when a subscriber's window is full. The slow subscriber has a window of 4 and is stuck
 * in its handler on the first message, 0, which it has not released: 1 to 3 fill the window, the rest meet the
 * policy. Each test runs with the subscriber on another node, over TCP, and on the publisher's node.
 */
@Timeout(60)
class SlowConsumerPolicyTest {
    private static final int SLOTS = 4;
    private static final Duration SHORT = Duration.ofMillis(300);

    @ParameterizedTest(name = "subscriber on the publisher''s node: {0}")
    @ValueSource(booleans = {false, true})
    void shouldFailAPublishWithResourceExhaustedOnceTheDeadlinePassesUnderBlock(boolean sameNode) throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            Node publishing = cluster.node("pub");
            Recorder slow = new Recorder(n -> n == 0);
            TopicSubscription subscription = subscriber(cluster, publishing, sameNode).subscribe("slow.block",
                    Quote.class, slow, options(SlowConsumerPolicy.BLOCK));
            Publisher<Quote> publisher = publisher(cluster, publishing, 1, "slow.block",
                    PublisherOptions.async().withDeadline(SHORT));
            stall(publisher, slow);
            for (long n = 1; n < SLOTS; n++) {
                publisher.publish(new Quote("q", n)).get(5, TimeUnit.SECONDS);
            }

            long start = System.nanoTime();
            CompletableFuture<Void> blocked = publisher.publish(new Quote("q", SLOTS));
            OrreryException failure = Outcomes.failure(blocked);
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(failure.status()).isEqualTo(Status.RESOURCE_EXHAUSTED);
            assertThat(failure.getMessage()).contains(subscription.id()).contains("BLOCK");
            assertThat(waitedMillis).as("how long the publish waited for a slot").isBetween(SHORT.toMillis() - 10,
                    5_000L);
            assertThat(publisher.info().failed()).isEqualTo(1);
            assertThat(publisher.info().dropped()).isZero();

            slow.open();
            publisher.publish(new Quote("q", SLOTS + 1)).get(5, TimeUnit.SECONDS);
            slow.awaitCount(SLOTS + 1);
            assertThat(slow.values()).containsExactly(0L, 1L, 2L, 3L, 5L);
        }
    }

    @ParameterizedTest(name = "subscriber on the publisher''s node: {0}")
    @ValueSource(booleans = {false, true})
    void shouldDropTheNewestMessagesAndCountThemUnderDropNewest(boolean sameNode) throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            Node publishing = cluster.node("pub");
            Recorder slow = new Recorder(n -> n == 0);
            Recorder fast = new Recorder();
            TopicSubscription subscription = subscriber(cluster, publishing, sameNode).subscribe("slow.newest",
                    Quote.class, slow, options(SlowConsumerPolicy.DROP_NEWEST));
            cluster.node("fast").subscribe("slow.newest", Quote.class, fast);
            Publisher<Quote> publisher = publisher(cluster, publishing, 2, "slow.newest",
                    PublisherOptions.async());
            assertThat(publisher.awaitSubscribers(2, 10_000)).isTrue();
            stall(publisher, slow);
            List<CompletableFuture<Void>> published = publish(publisher, 1, 20);

            // Dropping is no failure for an ASYNC publish.
            CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            assertThat(publisher.info().dropped()).as("4 to 20 dropped").isEqualTo(17);
            slow.open();
            slow.awaitCount(SLOTS);
            long next = publishUntilDelivered(publisher, slow, 21);

            assertThat(slow.values()).containsExactly(0L, 1L, 2L, 3L, next);
            assertThat(publisher.info().dropped()).isEqualTo(next - SLOTS);
            assertThat(subscription.info().dropped()).as("gaps the subscriber saw")
                    .isEqualTo(publisher.info().dropped());
            assertThat(publisher.info().failed()).isZero();
            fast.awaitCount((int) next + 1);
            assertThat(fast.values()).as("a fast subscriber of the same publisher loses nothing")
                    .isEqualTo(LongStream.rangeClosed(0, next).boxed().toList());
        }
    }

    @ParameterizedTest(name = "subscriber on the publisher''s node: {0}")
    @ValueSource(booleans = {false, true})
    void shouldDropTheOldestWaitingMessagesAndDeliverTheNewestUnderDropOldest(boolean sameNode) throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            Node publishing = cluster.node("pub");
            Recorder slow = new Recorder(n -> n == 0);
            TopicSubscription subscription = subscriber(cluster, publishing, sameNode).subscribe("slow.oldest",
                    Quote.class, slow, options(SlowConsumerPolicy.DROP_OLDEST));
            Publisher<Quote> publisher = publisher(cluster, publishing, 1, "slow.oldest",
                    PublisherOptions.async());
            stall(publisher, slow);
            List<CompletableFuture<Void>> published = publish(publisher, 1, 20);

            // 1 to 3 were written; 4 to 16 were dropped to make room; 17 to 20 wait for the window.
            assertThat(publisher.info().dropped()).isEqualTo(13);
            CompletableFuture.allOf(published.subList(0, 16).toArray(CompletableFuture[]::new))
                    .get(5, TimeUnit.SECONDS);
            assertThat(published.subList(16, 20)).as("the newest, waiting").allMatch(f -> !f.isDone());
            slow.open();
            CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            slow.awaitCount(8);

            assertThat(slow.values()).containsExactly(0L, 1L, 2L, 3L, 17L, 18L, 19L, 20L);
            assertThat(subscription.info().dropped()).isEqualTo(13);
            assertThat(publisher.info().failed()).isZero();
        }
    }

    @ParameterizedTest(name = "subscriber on the publisher''s node: {0}")
    @ValueSource(booleans = {false, true})
    void shouldKeepTheNewestForASubscriberThatReleasesByHandUnderDropOldest(boolean sameNode) throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            Node publishing = cluster.node("pub");
            Recorder slow = new Recorder();
            TopicSubscription subscription = subscriber(cluster, publishing, sameNode).subscribe("slow.manual",
                    Quote.class, slow, options(SlowConsumerPolicy.DROP_OLDEST).withManualRelease());
            Publisher<Quote> publisher = publisher(cluster, publishing, 1, "slow.manual",
                    PublisherOptions.async());
            assertThat(publisher.awaitSubscribers(1, 10_000)).isTrue();
            publish(publisher, 0, SLOTS - 1);
            slow.awaitCount(SLOTS);
            publish(publisher, SLOTS, 100);
            assertThat(publisher.info().dropped()).isEqualTo(100 - 2 * SLOTS + 1);

            slow.releaseAll();
            slow.awaitCount(2 * SLOTS);
            slow.releaseAll();
            assertThat(slow.values()).containsExactly(0L, 1L, 2L, 3L, 97L, 98L, 99L, 100L);
            assertThat(subscription.info().dropped()).isEqualTo(publisher.info().dropped());
        }
    }

    @ParameterizedTest(name = "subscriber on the publisher''s node: {0}")
    @ValueSource(booleans = {false, true})
    void shouldCutTheSubscriberOffAndTellItWhyUnderDisconnect(boolean sameNode) throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            Node publishing = cluster.node("pub");
            Recorder slow = new Recorder(n -> n == 0);
            TopicSubscription subscription = subscriber(cluster, publishing, sameNode).subscribe("slow.cut",
                    Quote.class, slow, options(SlowConsumerPolicy.DISCONNECT));
            Publisher<Quote> publisher = publisher(cluster, publishing, 1, "slow.cut",
                    PublisherOptions.async());
            stall(publisher, slow);
            List<CompletableFuture<Void>> published = publish(publisher, 1, 10);
            CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

            assertThat(publisher.info().disconnected()).isEqualTo(1);
            assertThat(publisher.subscribers()).isZero();
            slow.open();
            slow.awaitCuts(1);

            Recorder.Cut cut = slow.cuts().getFirst();
            assertThat(cut.publisher()).isEqualTo(publisher.info().id());
            assertThat(cut.why().status()).isEqualTo(Status.RESOURCE_EXHAUSTED);
            assertThat(cut.why().getMessage()).contains("DISCONNECT");
            assertThat(cut.after()).as("messages received before being cut off are handled first").isEqualTo(SLOTS);
            assertThat(slow.values()).containsExactly(0L, 1L, 2L, 3L);
            assertThat(subscription.info().publishers()).isZero();
            publisher.publish(new Quote("q", 11)).get(5, TimeUnit.SECONDS);
            assertThat(slow.values()).as("nothing more after the cut").hasSize(SLOTS);
            assertThat(slow.cuts()).hasSize(1);
        }
    }

    @ParameterizedTest(name = "subscriber on the publisher''s node: {0}")
    @ValueSource(booleans = {false, true})
    void shouldFailEverySyncPublishTheCutOffSubscriberDidNotTakeUnderDisconnect(boolean sameNode) throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            Node publishing = cluster.node("pub");
            Recorder slow = new Recorder();
            TopicSubscription subscription = subscriber(cluster, publishing, sameNode).subscribe("slow.sync",
                    Quote.class, slow, SubscribeOptions.defaults().withPolicy(SlowConsumerPolicy.DISCONNECT)
                            .withManualRelease());
            Publisher<Quote> publisher = publisher(cluster, publishing, 1, "slow.sync",
                    PublisherOptions.sync().withDeadline(Duration.ofSeconds(20)));
            assertThat(publisher.awaitSubscribers(1, 10_000)).isTrue();

            // One slot for a SYNC publisher: the first message holds it, the second finds the window full.
            CompletableFuture<Void> held = publisher.publish(new Quote("q", 1));
            slow.awaitCount(1);
            CompletableFuture<Void> overflowing = publisher.publish(new Quote("q", 2));

            for (CompletableFuture<Void> lost : List.of(held, overflowing)) {
                OrreryException failure = Outcomes.failure(lost, Duration.ofSeconds(5));
                assertThat(failure.status()).isEqualTo(Status.RESOURCE_EXHAUSTED);
                assertThat(failure.getMessage()).contains(subscription.id()).contains("DISCONNECT");
            }
            assertThat(publisher.info().disconnected()).isEqualTo(1);
            slow.awaitCuts(1);
            assertThat(slow.values()).containsExactly(1L);
        }
    }

    private static SubscribeOptions options(SlowConsumerPolicy policy) {
        return SubscribeOptions.defaults().withSlots(SLOTS).withPolicy(policy);
    }

    private static Node subscriber(TopicCluster cluster, Node publishing, boolean sameNode) {
        return sameNode ? publishing : cluster.node("sub");
    }

    /** A publisher, once the name server lists this many subscriptions, of every node. */
    private static Publisher<Quote> publisher(TopicCluster cluster, Node publishing, int subscriptions, String topic,
                                              PublisherOptions options) {
        cluster.awaitSubscriptions(subscriptions);
        return publishing.publisher(topic, Quote.class, options);
    }

    /** Publishes 0 and waits until the subscriber is stuck in its handler with it. */
    private static void stall(Publisher<Quote> publisher, Recorder slow) throws Exception {
        assertThat(publisher.awaitSubscribers(1, 10_000)).isTrue();
        publisher.publish(new Quote("q", 0)).get(5, TimeUnit.SECONDS);
        slow.awaitCount(1);
    }

    private static List<CompletableFuture<Void>> publish(Publisher<Quote> publisher, long from, long to) {
        List<CompletableFuture<Void>> published = new ArrayList<>();
        for (long n = from; n <= to; n++) {
            published.add(publisher.publish(new Quote("q", n)));
        }
        return published;
    }

    /**
     * Publishes from {@code from} on, one at a time, until one reaches the subscriber: its window frees as its
     * releases come back, and messages that meet a full window before then are dropped.
     */
    private static long publishUntilDelivered(Publisher<Quote> publisher, Recorder recorder, long from)
            throws Exception {
        int before = recorder.values().size();
        for (long n = from; n < from + 200; n++) {
            publisher.publish(new Quote("q", n)).get(5, TimeUnit.SECONDS);
            if (recorder.arrivesWithin(before + 1, Duration.ofMillis(20))) {
                return n;
            }
        }
        throw new AssertionError("no message reached the subscriber after its window emptied");
    }
}
