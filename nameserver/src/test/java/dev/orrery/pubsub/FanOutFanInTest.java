package dev.orrery.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Node;
import dev.orrery.NodeOptions;
import dev.orrery.SharedMemory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One publisher to many subscribers, and many publishers to one, each on its own node, over TCP. */
@Timeout(60)
class FanOutFanInTest {
    private static final int MESSAGES = 5_000;

    @Test
    void shouldDeliverEveryMessageToEachOfThreeSubscribersInOrder() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            List<Recorder> recorders = new ArrayList<>();
            List<TopicSubscription> subscriptions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Recorder recorder = new Recorder();
                recorders.add(recorder);
                // The last one's handler runs on the transport's thread.
                SubscribeOptions options = i == 2 ? SubscribeOptions.defaults().withDirect()
                        : SubscribeOptions.defaults();
                subscriptions.add(cluster.node("sub-" + i).subscribe("fan.out", Quote.class, recorder, options));
            }
            cluster.awaitSubscriptions(3);
            Publisher<Quote> publisher = cluster.node("pub").publisher("fan.out", Quote.class);
            assertThat(publisher.awaitSubscribers(3, 10_000)).isTrue();

            List<CompletableFuture<Void>> published = new ArrayList<>();
            for (long n = 1; n <= MESSAGES; n++) {
                published.add(publisher.publish(new Quote("q", n)));
            }
            CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

            List<Long> expected = LongStream.rangeClosed(1, MESSAGES).boxed().toList();
            for (int i = 0; i < 3; i++) {
                Recorder recorder = recorders.get(i).awaitCount(MESSAGES);
                assertThat(recorder.values()).as("values at subscriber %d", i).isEqualTo(expected);
                assertThat(recorder.sequences()).as("sequences at subscriber %d", i).isEqualTo(expected);
                assertThat(recorder.got()).extracting(Recorder.Got::publisher).containsOnly(publisher.info().id());
                SubscriptionInfo info = subscriptions.get(i).info();
                assertThat(info.received()).isEqualTo(MESSAGES);
                assertThat(info.dropped()).isZero();
                assertThat(info.publishers()).isEqualTo(1);
            }
            PublisherInfo info = publisher.info();
            assertThat(info.published()).isEqualTo(MESSAGES);
            assertThat(info.subscribers()).isEqualTo(3);
            assertThat(info.dropped()).isZero();
            assertThat(info.failed()).isZero();
        }
    }

    @Test
    void shouldCompleteASyncPublishOnlyOnceEverySubscriberHandledIt() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            List<Recorder> recorders = List.of(new Recorder(), new Recorder(), new Recorder());
            for (int i = 0; i < 3; i++) {
                cluster.node("sub-" + i).subscribe("fan.sync", Quote.class, recorders.get(i));
            }
            cluster.awaitSubscriptions(3);
            Publisher<Quote> publisher = cluster.node("pub").publisher("fan.sync", Quote.class,
                    PublisherOptions.sync());
            assertThat(publisher.awaitSubscribers(3, 10_000)).isTrue();

            for (long n = 1; n <= 200; n++) {
                publisher.publish(new Quote("q", n)).get(5, TimeUnit.SECONDS);
                for (Recorder recorder : recorders) {
                    assertThat(recorder.values()).as("handled when publish %d completed", n).hasSize((int) n)
                            .endsWith(n);
                }
            }
        }
    }

    @Test
    void shouldDeliverEveryMessageOfThreePublishersToOneSubscriberInEachPublishersOrder() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            Recorder recorder = new Recorder();
            TopicSubscription subscription = cluster.node("sub").subscribe("fan.in", Quote.class, recorder);
            cluster.awaitSubscriptions(1);
            List<Publisher<Quote>> publishers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Publisher<Quote> publisher = cluster.node("pub-" + i).publisher("fan.in", Quote.class);
                assertThat(publisher.awaitSubscribers(1, 10_000)).isTrue();
                publishers.add(publisher);
            }

            publishConcurrently(publishers, MESSAGES);

            recorder.awaitCount(3 * MESSAGES);
            List<Long> expected = LongStream.rangeClosed(1, MESSAGES).boxed().toList();
            assertThat(recorder.byPublisher()).hasSize(3);
            for (Publisher<Quote> publisher : publishers) {
                assertThat(recorder.byPublisher().get(publisher.info().id())).as("from %s", publisher.info().id())
                        .isEqualTo(expected);
            }
            assertThat(subscription.info().received()).isEqualTo(3 * MESSAGES);
            assertThat(subscription.info().publishers()).isEqualTo(3);
            assertThat(subscription.info().dropped()).isZero();
        }
    }

    @Test
    void shouldRunADirectHandlerOneMessageAtATimeWhilePublishersOnSeveralConnectionsDeliver() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            AtomicInteger handled = new AtomicInteger();
            Set<String> threads = ConcurrentHashMap.newKeySet();
            Node subscribing = cluster.node(NodeOptions.builder().name("sub").listen("tcp://127.0.0.1:0")
                    .sharedMemory(SharedMemory.NEVER).ioThreads(2));
            subscribing.subscribe("fan.direct", Quote.class, message -> {
                threads.add(Thread.currentThread().getName());
                if (running.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                // Long enough for frames of the other connections to arrive meanwhile.
                long until = System.nanoTime() + 20_000;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                running.decrementAndGet();
                handled.incrementAndGet();
            }, SubscribeOptions.defaults().withDirect());
            cluster.awaitSubscriptions(1);
            List<Publisher<Quote>> publishers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Publisher<Quote> publisher = cluster.node("pub-" + i).publisher("fan.direct", Quote.class);
                assertThat(publisher.awaitSubscribers(1, 10_000)).isTrue();
                publishers.add(publisher);
            }

            publishConcurrently(publishers, 5_000);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> handled.get() == 4 * 5_000);

            assertThat(threads).as("the premise: frames arrived on several transport threads").hasSizeGreaterThan(1);
            assertThat(overlaps.get()).as("messages handled while another was").isZero();
        }
    }

    private static void publishConcurrently(List<Publisher<Quote>> publishers, int each) throws Exception {
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
            List<Future<?>> publishing = new ArrayList<>();
            for (Publisher<Quote> publisher : publishers) {
                publishing.add(threads.submit(() -> {
                    for (long n = 1; n <= each; n++) {
                        publisher.publish(new Quote("q", n));
                    }
                }));
            }
            for (Future<?> one : publishing) {
                one.get(30, TimeUnit.SECONDS);
            }
        }
    }
}
