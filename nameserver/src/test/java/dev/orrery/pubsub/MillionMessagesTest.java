package dev.orrery.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A million messages, ASYNC under BLOCK, from two publishers on their own nodes to two subscribers on theirs,
 * over TCP: each subscriber receives every one, in each publisher's order.
 */
@Timeout(120)
class MillionMessagesTest {
    private static final int PUBLISHERS = 2;
    private static final int PER_PUBLISHER = 500_000;
    private static final int TOTAL = PUBLISHERS * PER_PUBLISHER;

    @Test
    void shouldDeliverAMillionMessagesToEachSubscriberInEachPublishersOrder() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            List<OrderChecker> checkers = List.of(new OrderChecker(TOTAL), new OrderChecker(TOTAL));
            List<TopicSubscription> subscriptions = new ArrayList<>();
            for (int i = 0; i < checkers.size(); i++) {
                subscriptions.add(cluster.node("sub-" + i).subscribe("bulk.>", Quote.class, checkers.get(i)));
            }
            cluster.awaitSubscriptions(checkers.size());
            List<Publisher<Quote>> publishers = new ArrayList<>();
            for (int i = 0; i < PUBLISHERS; i++) {
                Publisher<Quote> publisher = cluster.node("pub-" + i).publisher("bulk.quotes", Quote.class,
                        PublisherOptions.async().withDeadline(Duration.ofSeconds(10)));
                assertThat(publisher.awaitSubscribers(checkers.size(), 10_000)).isTrue();
                publishers.add(publisher);
            }

            long start = System.nanoTime();
            try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
                List<Future<CompletableFuture<Void>>> publishing = new ArrayList<>();
                for (Publisher<Quote> publisher : publishers) {
                    publishing.add(threads.submit(() -> {
                        CompletableFuture<Void> last = null;
                        for (long n = 1; n <= PER_PUBLISHER; n++) {
                            last = publisher.publish(new Quote("bulk", n));
                        }
                        return last;
                    }));
                }
                for (Future<CompletableFuture<Void>> one : publishing) {
                    one.get(90, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
                }
            }
            for (OrderChecker checker : checkers) {
                assertThat(checker.all.await(60, TimeUnit.SECONDS)).as("every message arrived in time: %s", checker)
                        .isTrue();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%,d messages to %d subscribers in %.1f s: %,.0f messages/s published, %,.0f "
                    + "deliveries/s%n", TOTAL, checkers.size(), seconds, TOTAL / seconds,
                    TOTAL * checkers.size() / seconds);

            for (int i = 0; i < checkers.size(); i++) {
                OrderChecker checker = checkers.get(i);
                assertThat(checker.disorders.get()).as("out-of-order messages at subscriber %d", i).isZero();
                assertThat(checker.received.get()).isEqualTo(TOTAL);
                assertThat(checker.lastByPublisher()).as("the last of each publisher at subscriber %d", i)
                        .hasSize(PUBLISHERS).allSatisfy((publisher, last) -> assertThat(last)
                                .containsExactly((long) PER_PUBLISHER, (long) PER_PUBLISHER));
                assertThat(subscriptions.get(i).info().dropped()).isZero();
            }
            for (Publisher<Quote> publisher : publishers) {
                assertThat(publisher.info().published()).isEqualTo(PER_PUBLISHER);
                assertThat(publisher.info().failed()).isZero();
                assertThat(publisher.info().dropped()).isZero();
            }
        }
    }

    /** Checks that each publisher's sequence numbers and values rise, and counts every message. */
    private static final class OrderChecker implements MessageHandler<Quote> {
        final AtomicLong received = new AtomicLong();
        final AtomicLong disorders = new AtomicLong();
        final CountDownLatch all = new CountDownLatch(1);
        private final long expected;
        // Only the handler's thread, one message at a time, touches it; read after the latch opened.
        private final Map<String, long[]> last = new HashMap<>();

        OrderChecker(long expected) {
            this.expected = expected;
        }

        @Override
        public void onMessage(Message<Quote> message) {
            long[] previous = last.computeIfAbsent(message.publisher(), publisher -> new long[2]);
            if (message.sequence() <= previous[0] || message.value().n() <= previous[1]) {
                disorders.incrementAndGet();
            }
            previous[0] = message.sequence();
            previous[1] = message.value().n();
            if (received.incrementAndGet() == expected) {
                all.countDown();
            }
        }

        Map<String, List<Long>> lastByPublisher() {
            Map<String, List<Long>> result = new HashMap<>();
            last.forEach((publisher, values) -> result.put(publisher, List.of(values[0], values[1])));
            return result;
        }

        @Override
        public String toString() {
            return received.get() + " of " + expected + " received, " + disorders.get() + " out of order";
        }
    }
}
