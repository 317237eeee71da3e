package dev.orrery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stream methods: values flow from server to caller within credit, until either side ends them. */
@Timeout(30)
class StreamsTest {

    /** A stream service for the tests. */
    @Service("test.ticker")
    public interface Ticker {
        Subscription count(int upTo, Sink<Integer> values);

        Subscription forever(Sink<Long> values);

        Subscription ticks(int periodMillis, Sink<Long> values);

        Subscription refuse(String why, Sink<String> values);
    }

    private final CountDownLatch foreverClosed = new CountDownLatch(1);
    private final AtomicBoolean stopForever = new AtomicBoolean();
    private Node server;
    private Node client;
    private Ticker ticker;

    @BeforeEach
    void start() {
        server = Node.builder().name("streams").listen("inproc://streams-" + UUID.randomUUID()).build();
        server.serve(Ticker.class, new Ticker() {
            @Override
            public Subscription count(int upTo, Sink<Integer> values) {
                for (int i = 1; i <= upTo; i++) {
                    values.next(i);
                }
                values.completed();
                return () -> { };
            }

            @Override
            public Subscription forever(Sink<Long> values) {
                Thread.ofVirtual().start(() -> {
                    for (long i = 0; !stopForever.get(); i++) {
                        values.next(i);
                        if (i % 64 == 0) {
                            Thread.onSpinWait();
                        }
                    }
                });
                return () -> {
                    stopForever.set(true);
                    foreverClosed.countDown();
                };
            }

            @Override
            public Subscription ticks(int periodMillis, Sink<Long> values) {
                Thread ticking = Thread.ofVirtual().start(() -> {
                    try {
                        for (long i = 0; ; i++) {
                            values.next(i);
                            Thread.sleep(periodMillis);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                return () -> {
                    ticking.interrupt();
                    foreverClosed.countDown();
                };
            }

            @Override
            public Subscription refuse(String why, Sink<String> values) {
                throw new IllegalArgumentException(why);
            }
        }).start();
        client = Node.builder().name("client").build();
        ticker = client.connect(Ticker.class, server.endpoints().getFirst());
    }

    @AfterEach
    void stop() {
        stopForever.set(true);
        client.close();
        server.close();
    }

    @Test
    void shouldDeliverEveryValueInOrderAcrossCreditRenewals() throws Exception {
        Recorder<Integer> values = new Recorder<>();
        ticker.count(1_000, values);
        assertThat(values.ended.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(values.items).hasSize(1_000);
        for (int i = 0; i < 1_000; i++) {
            assertThat(values.items.get(i)).isEqualTo(i + 1);
        }
    }

    @Test
    void shouldCloseTheServersSubscriptionWhenTheCallerCloses() throws Exception {
        Recorder<Long> values = new Recorder<>();
        Subscription subscription = ticker.ticks(1, values);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> values.items.size() > 100);
        subscription.close();
        assertThat(foreverClosed.await(5, TimeUnit.SECONDS)).as("server subscription closed").isTrue();
        List<Long> seen = List.copyOf(values.items);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
    }

    @Test
    void shouldEndTheStreamOfACallerThatFallsTooFarBehind() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Recorder<Long> values = new Recorder<>() {
            @Override
            public void next(Long value) {
                awaitQuietly(release);
                super.next(value);
            }
        };
        ticker.forever(values);
        assertThat(foreverClosed.await(10, TimeUnit.SECONDS)).as("server subscription closed").isTrue();
        release.countDown();
        Throwable failure = values.ended.get(10, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(OrreryException.class).hasMessageContaining("behind");
        assertThat(((OrreryException) failure).status()).isEqualTo(Status.RESOURCE_EXHAUSTED);
    }

    @Test
    void shouldThrowWhenTheServerRefusesTheStream() {
        Recorder<String> values = new Recorder<>();
        assertThatThrownBy(() -> ticker.refuse("not today", values)).isInstanceOf(OrreryException.class)
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.INVALID_ARGUMENT))
                .hasMessageContaining("not today");
        assertThat(values.items).isEmpty();
        assertThat(values.ended).isNotDone();
    }

    @Test
    void shouldFailTheSinkWhenTheServerShutsDown() throws Exception {
        Recorder<Long> values = new Recorder<>();
        ticker.ticks(5, values);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !values.items.isEmpty());
        server.close();
        Throwable failure = values.ended.get(10, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(OrreryException.class);
        assertThat(((OrreryException) failure).status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(foreverClosed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldDescribeStreamMethods() {
        String description = client.dynamic(server.endpoints().getFirst()).describe("test.ticker");
        assertThat(description).contains("\"kind\":\"stream\"").contains("\"items\"").doesNotContain("Sink");
    }

    /** Wrong shapes of stream methods. */
    @Service("test.bad-stream")
    interface SinkNotLast {
        Subscription values(Sink<String> sink, int count);
    }

    @Service("test.bad-stream")
    interface NoSubscription {
        void values(Sink<String> sink);
    }

    @Service("test.bad-stream")
    interface NoSink {
        Subscription values(int count);
    }

    @Test
    void shouldRefuseStreamMethodsOfTheWrongShape() {
        for (Class<?> type : List.of(SinkNotLast.class, NoSubscription.class, NoSink.class)) {
            assertThatThrownBy(() -> client.connect(type, server.endpoints().getFirst()))
                    .as(type.getSimpleName()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Sink");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records what a stream delivers. */
    static class Recorder<T> implements Sink<T> {
        final List<T> items = new CopyOnWriteArrayList<>();
        final CompletableFuture<Throwable> ended = new CompletableFuture<>();

        @Override
        public void next(T value) {
            items.add(value);
        }

        @Override
        public void completed() {
            ended.complete(null);
        }

        @Override
        public void failed(OrreryException failure) {
            ended.complete(failure);
        }
    }
}
