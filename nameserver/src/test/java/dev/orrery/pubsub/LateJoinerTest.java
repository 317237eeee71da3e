package dev.orrery.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Node;
import dev.orrery.Status;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Subscribers and publishers that come later, or come back, find each other through the name server. */
@Timeout(90)
class LateJoinerTest {

    @Test
    void shouldDeliverToASubscriberThatStartsAfterThePublisherWhatIsPublishedOnceItIsFound() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            Publisher<Quote> publisher = cluster.node("pub").publisher("late.sub", Quote.class);
            for (long n = 1; n <= 10; n++) {
                publisher.publish(new Quote("before", n)).get(5, TimeUnit.SECONDS);
            }
            assertThat(publisher.subscribers()).isZero();

            Recorder recorder = new Recorder();
            TopicSubscription subscription = cluster.node("sub").subscribe("late.*", Quote.class, recorder);
            assertThat(publisher.awaitSubscribers(1, 10_000)).as("the publisher finds the new subscription").isTrue();
            for (long n = 11; n <= 110; n++) {
                publisher.publish(new Quote("after", n)).get(5, TimeUnit.SECONDS);
            }

            recorder.awaitCount(100);
            assertThat(recorder.values()).isEqualTo(LongStream.rangeClosed(11, 110).boxed().toList());
            assertThat(recorder.sequences()).isEqualTo(LongStream.rangeClosed(11, 110).boxed().toList());
            assertThat(subscription.info().dropped()).as("messages before it was found are not gaps").isZero();
        }
    }

    @Test
    void shouldReachExistingSubscribersFromAPublisherMadeAgain() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            Recorder first = new Recorder();
            Recorder second = new Recorder();
            TopicSubscription subscription = cluster.node("sub-1").subscribe("again.>", Quote.class, first);
            cluster.node("sub-2").subscribe("again.quotes", Quote.class, second);
            cluster.awaitSubscriptions(2);
            Node publishing = cluster.node("pub");

            Publisher<Quote> before = publishing.publisher("again.quotes", Quote.class, PublisherOptions.sync());
            assertThat(before.awaitSubscribers(2, 10_000)).isTrue();
            for (long n = 1; n <= 50; n++) {
                before.publish(new Quote("before", n)).get(5, TimeUnit.SECONDS);
            }
            before.close();
            assertThat(Outcomes.failure(before.publish(new Quote("closed", 0))).getMessage()).contains("closed");
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> subscription.info().publishers() == 0);

            Publisher<Quote> after = publishing.publisher("again.quotes", Quote.class, PublisherOptions.sync());
            assertThat(after.awaitSubscribers(2, 10_000)).isTrue();
            for (long n = 51; n <= 100; n++) {
                after.publish(new Quote("after", n)).get(5, TimeUnit.SECONDS);
            }

            List<Long> all = LongStream.rangeClosed(1, 100).boxed().toList();
            for (Recorder recorder : List.of(first, second)) {
                assertThat(recorder.values()).isEqualTo(all);
                assertThat(recorder.byPublisher()).containsOnlyKeys(before.info().id(), after.info().id());
                assertThat(recorder.cuts()).as("a publisher that closes is not a disconnection").isEmpty();
            }
            assertThat(subscription.info().dropped()).isZero();
        }
    }

    @Test
    void shouldReachExistingSubscribersFromAPublisherProcessKilledAndStartedAgain() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            Recorder recorder = new Recorder();
            cluster.node("sub").subscribe("restart.quotes", Quote.class, recorder);
            cluster.awaitSubscriptions(1);

            TopicCluster.Child killed = cluster.child(PublisherMain.class, cluster.nameServer(), "restart.quotes",
                    "100", "1");
            killed.process().awaitValue("PUBLISHED ", TopicCluster.CHILD_START);
            recorder.awaitCount(100);
            killed.process().kill();
            recorder.awaitCuts(1);
            assertThat(recorder.cuts().getFirst().publisher()).isEqualTo(killed.ready());
            assertThat(recorder.cuts().getFirst().why().status()).isEqualTo(Status.UNAVAILABLE);

            TopicCluster.Child restarted = cluster.child(PublisherMain.class, cluster.nameServer(),
                    "restart.quotes", "100", "101");
            restarted.process().awaitValue("PUBLISHED ", TopicCluster.CHILD_START);
            recorder.awaitCount(200);

            assertThat(recorder.values()).isEqualTo(LongStream.rangeClosed(1, 200).boxed().toList());
            assertThat(recorder.byPublisher()).containsOnlyKeys(killed.ready(), restarted.ready());
        }
    }

    @Test
    void shouldReachASubscriberProcessStartedAgainAfterAKill() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            TopicCluster.Child killed = cluster.child(SubscriberMain.class, cluster.nameServer(), "again.>",
                    "count:50", "never");
            cluster.awaitSubscriptions(1);
            Publisher<Quote> publisher = cluster.node("pub").publisher("again.quotes", Quote.class,
                    PublisherOptions.sync());
            assertThat(publisher.awaitSubscribers(1, 10_000)).isTrue();
            for (long n = 1; n <= 50; n++) {
                publisher.publish(new Quote("q", n)).get(5, TimeUnit.SECONDS);
            }
            assertThat(killed.process().awaitValue("DONE ", Duration.ofSeconds(10))).isEqualTo("50 0");
            killed.process().kill();

            TopicCluster.Child restarted = cluster.child(SubscriberMain.class, cluster.nameServer(), "again.>",
                    "count:50", "never");
            // The killed one's registration lasts until its lease of 2 s runs out.
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> cluster.subscriptions().stream()
                    .map(instance -> instance.metadata().get("topic.id")).toList().equals(List.of(restarted.ready())));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> publisher.subscribers() == 1);
            for (long n = 51; n <= 100; n++) {
                publisher.publish(new Quote("q", n)).get(5, TimeUnit.SECONDS);
            }
            assertThat(restarted.process().awaitValue("DONE ", Duration.ofSeconds(10))).isEqualTo("50 0");
        }
    }
}
