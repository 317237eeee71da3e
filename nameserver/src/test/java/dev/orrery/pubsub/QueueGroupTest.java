package dev.orrery.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Queue groups: the members of a group share a publisher's messages, each message going to one of them. */
@Timeout(60)
class QueueGroupTest {
    private static final int MESSAGES = 3_000;

    @Test
    void shouldGiveEachMessageToExactlyOneMemberWhileASubscriberOutsideTheGroupGetsThemAll() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            List<Recorder> members = new ArrayList<>();
            List<TopicSubscription> memberships = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Recorder member = new Recorder();
                members.add(member);
                memberships.add(cluster.node("worker-" + i).subscribe("jobs.>", Quote.class, member,
                        SubscribeOptions.defaults().withGroup("workers")));
            }
            Recorder everything = new Recorder();
            TopicSubscription outside = cluster.node("audit").subscribe("jobs.>", Quote.class, everything);
            cluster.awaitSubscriptions(4);
            Publisher<Quote> publisher = cluster.node("pub").publisher("jobs.new", Quote.class);
            assertThat(publisher.awaitSubscribers(4, 10_000)).isTrue();

            List<CompletableFuture<Void>> published = new ArrayList<>();
            for (long n = 1; n <= MESSAGES; n++) {
                published.add(publisher.publish(new Quote("job", n)));
            }
            CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            everything.awaitCount(MESSAGES);
            awaitTotal(members, MESSAGES);

            List<Long> all = LongStream.rangeClosed(1, MESSAGES).boxed().toList();
            assertThat(everything.values()).isEqualTo(all);
            assertThat(members.stream().flatMap(member -> member.values().stream()).sorted().toList())
                    .as("each message at exactly one member").isEqualTo(all);
            for (int i = 0; i < 3; i++) {
                assertThat(members.get(i).values()).as("member %d", i).isNotEmpty().isSorted();
                SubscriptionInfo info = memberships.get(i).info();
                assertThat(info.group()).isEqualTo("workers");
                assertThat(info.received()).isEqualTo(members.get(i).values().size());
                assertThat(info.dropped()).as("messages given to other members are not drops").isZero();
            }
            assertThat(outside.info().dropped()).isZero();
            assertThat(publisher.info().subscribers()).isEqualTo(4);
            assertThat(publisher.info().dropped()).isZero();
        }
    }

    @Test
    void shouldPassOverAMemberWhoseWindowIsFull() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            Recorder stuck = new Recorder(n -> true);
            cluster.node("stuck").subscribe("work.items", Quote.class, stuck,
                    SubscribeOptions.defaults().withGroup("workers").withSlots(4));
            List<Recorder> members = new ArrayList<>(List.of(stuck));
            for (int i = 0; i < 2; i++) {
                Recorder member = new Recorder();
                members.add(member);
                cluster.node("worker-" + i).subscribe("work.items", Quote.class, member,
                        SubscribeOptions.defaults().withGroup("workers"));
            }
            cluster.awaitSubscriptions(3);
            Duration deadline = Duration.ofSeconds(5);
            Publisher<Quote> publisher = cluster.node("pub").publisher("work.items", Quote.class,
                    PublisherOptions.async().withDeadline(deadline));
            assertThat(publisher.awaitSubscribers(3, 10_000)).isTrue();

            long start = System.nanoTime();
            List<CompletableFuture<Void>> published = new ArrayList<>();
            for (long n = 1; n <= 1_000; n++) {
                published.add(publisher.publish(new Quote("job", n)));
            }
            CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(tookMillis).as("no publish waited for the stuck member").isLessThan(deadline.toMillis());
            assertThat(publisher.info().failed()).isZero();
            stuck.open();
            awaitTotal(members, 1_000);

            assertThat(stuck.values()).as("the stuck member got no more than its window").hasSizeLessThanOrEqualTo(4);
            assertThat(members.stream().flatMap(member -> member.values().stream()).sorted().toList())
                    .isEqualTo(LongStream.rangeClosed(1, 1_000).boxed().toList());
        }
    }

    private static void awaitTotal(List<Recorder> members, int total) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
                .until(() -> members.stream().mapToInt(member -> member.values().size()).sum() >= total);
    }
}
