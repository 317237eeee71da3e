package dev.orrery.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.OrreryException;
import dev.orrery.Status;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SYNC delivery: a publish completes once every subscriber released the message, and fails naming any that did not. */
@Timeout(90)
class SyncDeliveryTest {

    @Test
    void shouldCompleteOnlyAfterTheSubscriberReleasedTheMessage() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            Recorder recorder = new Recorder();
            cluster.node("sub").subscribe("sync.manual", Quote.class, recorder,
                    SubscribeOptions.defaults().withManualRelease());
            cluster.awaitSubscriptions(1);
            Publisher<Quote> publisher = cluster.node("pub").publisher("sync.manual", Quote.class,
                    PublisherOptions.sync());
            assertThat(publisher.awaitSubscribers(1, 10_000)).isTrue();

            for (long n = 1; n <= 3; n++) {
                CompletableFuture<Void> published = publisher.publish(new Quote("q", n));
                recorder.awaitCount((int) n);
                Thread.sleep(200);
                assertThat(published).as("publish %d before its release", n).isNotDone();
                recorder.held().getLast().release();
                published.get(5, TimeUnit.SECONDS);
            }
            assertThat(publisher.info().failed()).isZero();
        }
    }

    @Test
    void shouldFailNamingTheSubscriptionWhenItsHandlerThrows() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            TopicSubscription failing = cluster.node("sub").subscribe("sync.throws", Quote.class, message -> {
                if (message.value().n() == 2) {
                    throw new IllegalStateException("cannot take 2");
                }
            });
            Recorder healthy = new Recorder();
            cluster.node("other").subscribe("sync.throws", Quote.class, healthy);
            cluster.awaitSubscriptions(2);
            Publisher<Quote> publisher = cluster.node("pub").publisher("sync.throws", Quote.class,
                    PublisherOptions.sync());
            assertThat(publisher.awaitSubscribers(2, 10_000)).isTrue();

            publisher.publish(new Quote("q", 1)).get(5, TimeUnit.SECONDS);
            OrreryException failure = Outcomes.failure(publisher.publish(new Quote("q", 2)));
            publisher.publish(new Quote("q", 3)).get(5, TimeUnit.SECONDS);

            assertThat(failure.status()).isEqualTo(Status.INTERNAL);
            assertThat(failure.getMessage()).contains("1 subscription").contains(failing.id())
                    .contains("cannot take 2");
            assertThat(healthy.values()).containsExactly(1L, 2L, 3L);
            assertThat(publisher.info().failed()).isEqualTo(1);
            assertThat(failing.info().failed()).isEqualTo(1);
            assertThat(failing.info().received()).isEqualTo(3);
        }
    }

    @Test
    void shouldFailWithTheStatusTheSubscriberGaveWhenItFailsAMessageByHand() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            TopicSubscription subscription = cluster.node("sub").subscribe("sync.refuse", Quote.class,
                    message -> message.fail(new OrreryException(Status.FAILED_PRECONDITION, "not now")),
                    SubscribeOptions.defaults().withManualRelease());
            cluster.awaitSubscriptions(1);
            Publisher<Quote> publisher = cluster.node("pub").publisher("sync.refuse", Quote.class,
                    PublisherOptions.sync());
            assertThat(publisher.awaitSubscribers(1, 10_000)).isTrue();

            OrreryException failure = Outcomes.failure(publisher.publish(new Quote("q", 1)));

            assertThat(failure.status()).isEqualTo(Status.FAILED_PRECONDITION);
            assertThat(failure.getMessage()).contains(subscription.id()).contains("not now");
        }
    }

    @Test
    void shouldFailWithDeadlineExceededWhenTheMessageIsNotReleasedInTime() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            TopicSubscription subscription = cluster.node("sub").subscribe("sync.late", Quote.class, new Recorder(),
                    SubscribeOptions.defaults().withManualRelease());
            cluster.awaitSubscriptions(1);
            Publisher<Quote> publisher = cluster.node("pub").publisher("sync.late", Quote.class,
                    PublisherOptions.sync().withDeadline(Duration.ofMillis(300)));
            assertThat(publisher.awaitSubscribers(1, 10_000)).isTrue();

            long start = System.nanoTime();
            OrreryException failure = Outcomes.failure(publisher.publish(new Quote("q", 1)));

            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(290L, 5_000L);
            assertThat(failure.status()).isEqualTo(Status.DEADLINE_EXCEEDED);
            assertThat(failure.getMessage()).contains(subscription.id());
            assertThat(publisher.info().failed()).as("deliveries that timed out").isEqualTo(1);
        }
    }

    @Test
    void shouldFailEverySubscriberThatDidNotTakeAMessageWhenOneWaitedForASlotUntilTheDeadline() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            // Neither releases: one has one slot, the other two, so that the second message finds the first
            // full until the deadline, and is then sent to the other after the deadline has passed.
            TopicSubscription narrow = cluster.node("narrow").subscribe("sync.both", Quote.class, new Recorder(),
                    SubscribeOptions.defaults().withManualRelease().withSlots(1));
            TopicSubscription wide = cluster.node("wide").subscribe("sync.both", Quote.class, new Recorder(),
                    SubscribeOptions.defaults().withManualRelease().withSlots(2));
            cluster.awaitSubscriptions(2);
            Publisher<Quote> publisher = cluster.node("pub").publisher("sync.both", Quote.class,
                    PublisherOptions.sync().withDeadline(Duration.ofMillis(300)));
            assertThat(publisher.awaitSubscribers(2, 10_000)).isTrue();

            OrreryException first = Outcomes.failure(publisher.publish(new Quote("q", 1)));
            assertThat(first.status()).isEqualTo(Status.DEADLINE_EXCEEDED);
            assertThat(first.getMessage()).contains("2 subscriptions").contains(narrow.id()).contains(wide.id());

            CompletableFuture<Void> second = publisher.publish(new Quote("q", 2));
            OrreryException failure = Outcomes.failure(second);
            assertThat(failure.getMessage()).contains("2 subscriptions").contains(narrow.id()).contains(wide.id());
        }
    }

    @Test
    void shouldFailNamingTheSubscriptionWhenItClosesBeforeReleasing() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            Recorder recorder = new Recorder();
            TopicSubscription subscription = cluster.node("sub").subscribe("sync.close", Quote.class, recorder,
                    SubscribeOptions.defaults().withManualRelease());
            cluster.awaitSubscriptions(1);
            Duration deadline = Duration.ofSeconds(30);
            Publisher<Quote> publisher = cluster.node("pub").publisher("sync.close", Quote.class,
                    PublisherOptions.sync().withDeadline(deadline));
            assertThat(publisher.awaitSubscribers(1, 10_000)).isTrue();

            CompletableFuture<Void> outstanding = publisher.publish(new Quote("q", 1));
            recorder.awaitCount(1);
            long start = System.nanoTime();
            subscription.close();
            OrreryException failure = Outcomes.failure(outstanding);

            assertThat(failure.status()).isEqualTo(Status.UNAVAILABLE);
            assertThat(failure.getMessage()).contains(subscription.id()).contains("closed");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(deadline.toMillis() / 2);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> publisher.subscribers() == 0);
            publisher.publish(new Quote("q", 2)).get(5, TimeUnit.SECONDS);
            assertThat(recorder.values()).containsExactly(1L);
        }
    }

    @Test
    void shouldFailNamingTheSubscriptionWhenItsProcessIsKilledWhileAMessageIsOutstanding() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            TopicCluster.Child child = cluster.child(SubscriberMain.class, cluster.nameServer(), "sync.kill", "block",
                    "never");
            String killedId = child.ready();
            Recorder healthy = new Recorder();
            TopicSubscription survivor = cluster.node("sub").subscribe("sync.kill", Quote.class, healthy);
            cluster.awaitSubscriptions(2);
            Duration deadline = Duration.ofSeconds(30);
            Publisher<Quote> publisher = cluster.node("pub").publisher("sync.kill", Quote.class,
                    PublisherOptions.sync().withDeadline(deadline));
            assertThat(publisher.awaitSubscribers(2, 10_000)).isTrue();

            CompletableFuture<Void> outstanding = publisher.publish(new Quote("q", 1));
            assertThat(child.process().awaitValue("GOT ", Duration.ofSeconds(10))).isEqualTo("1 1");
            healthy.awaitCount(1);
            Thread.sleep(100);
            assertThat(outstanding).as("the child has not released it").isNotDone();

            long start = System.nanoTime();
            child.process().kill();
            OrreryException failure = Outcomes.failure(outstanding);
            long failedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(failure.status()).isEqualTo(Status.UNAVAILABLE);
            assertThat(failure.getMessage()).contains("1 subscription").contains(killedId)
                    .doesNotContain(survivor.id());
            assertThat(failedAfter).as("failed when the connection was lost, not at the deadline")
                    .isLessThan(deadline.toMillis() / 2);
            assertThat(publisher.info().failed()).isEqualTo(1);

            // Nothing hangs: a message published while the dead subscriber is still listed settles, and once
            // its lease runs out it is no longer a subscriber.
            Outcomes.settled(publisher.publish(new Quote("q", 2)), Duration.ofSeconds(15));
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> publisher.subscribers() == 1);
            publisher.publish(new Quote("q", 3)).get(5, TimeUnit.SECONDS);
            assertThat(healthy.values()).containsExactly(1L, 2L, 3L);
            assertThat(publisher.info().subscribers()).isEqualTo(1);
        }
    }
}
