package dev.orrery.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.NodeOptions;
import dev.orrery.OrreryException;
import dev.orrery.SharedMemory;
import dev.orrery.Status;
import dev.orrery.registry.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Subscribers on this host are reached over shared memory, with the default {@link SharedMemory#AUTO}. */
@Timeout(90)
class SharedMemoryTopicsTest {
    private static final int MESSAGES = 10_000;

    @Test
    void shouldPublishToASubscriberOfThisHostThroughItsSharedMemoryEndpoint() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            Recorder recorder = new Recorder();
            Node subscribing = cluster.node(NodeOptions.builder().name("shm-sub").listen("tcp://127.0.0.1:0"));
            TopicSubscription subscription = subscribing.subscribe("local.>", Quote.class, recorder);
            cluster.awaitSubscriptions(1);
            Instance registered = cluster.subscriptions().getFirst();
            Node publishing = cluster.node(NodeOptions.builder().name("shm-pub").listen("tcp://127.0.0.1:0"));

            assertThat(registered.endpoints()).hasSize(2).anyMatch(endpoint -> endpoint.startsWith("shm://"));
            assertThat(publishing.endpointFor(registered)).map(Endpoint::scheme).contains("shm");
            Publisher<Quote> publisher = publishing.publisher("local.quotes", Quote.class);
            assertThat(publisher.awaitSubscribers(1, 10_000)).isTrue();
            List<CompletableFuture<Void>> published = new ArrayList<>();
            for (long n = 1; n <= MESSAGES; n++) {
                published.add(publisher.publish(new Quote("shm", n)));
            }
            CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

            recorder.awaitCount(MESSAGES);
            assertThat(recorder.values()).isEqualTo(LongStream.rangeClosed(1, MESSAGES).boxed().toList());
            assertThat(subscription.info().dropped()).isZero();
        }
    }

    @Test
    void shouldReachASubscriberThatServesOnlySharedMemory() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            String name = "topics-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());
            Recorder recorder = new Recorder();
            Node subscribing = cluster.node(NodeOptions.builder().name("shm-only").listen("shm://" + name));
            TopicSubscription subscription = subscribing.subscribe("only.shm", Quote.class, recorder);
            cluster.awaitSubscriptions(1);
            assertThat(cluster.subscriptions().getFirst().endpoints()).containsExactly("shm://" + name);

            Publisher<Quote> overShm = cluster.node(NodeOptions.builder().name("auto-pub"))
                    .publisher("only.shm", Quote.class, PublisherOptions.sync());
            assertThat(overShm.awaitSubscribers(1, 10_000)).isTrue();
            for (long n = 1; n <= 100; n++) {
                overShm.publish(new Quote("shm", n)).get(5, TimeUnit.SECONDS);
            }
            assertThat(recorder.values()).isEqualTo(LongStream.rangeClosed(1, 100).boxed().toList());

            // A node that does not use shared memory has no way to it: the publish says so, naming it.
            Publisher<Quote> tcpOnly = cluster.node(NodeOptions.builder().name("tcp-pub")
                    .sharedMemory(SharedMemory.NEVER)).publisher("only.shm", Quote.class, PublisherOptions.sync());
            assertThat(tcpOnly.awaitSubscribers(1, 10_000)).isTrue();
            OrreryException failure = Outcomes.failure(tcpOnly.publish(new Quote("tcp", 101)));
            assertThat(failure.status()).isEqualTo(Status.UNAVAILABLE);
            assertThat(failure.getMessage()).contains(subscription.id());
            assertThat(recorder.values()).hasSize(100);
        }
    }

    @Test
    void shouldReachASubscriberInAnotherProcessOfThisHostOverSharedMemory() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            TopicCluster.Child child = cluster.child(SubscriberMain.class, cluster.nameServer(), "child.>",
                    "count:" + MESSAGES, "auto");
            cluster.awaitSubscriptions(1);
            Instance registered = cluster.subscriptions().getFirst();
            assertThat(registered.metadata()).containsEntry("topic.id", child.ready());
            Node publishing = cluster.node(NodeOptions.builder().name("shm-pub"));
            assertThat(publishing.endpointFor(registered)).map(Endpoint::scheme).contains("shm");

            Publisher<Quote> publisher = publishing.publisher("child.quotes", Quote.class);
            assertThat(publisher.awaitSubscribers(1, 10_000)).isTrue();
            for (long n = 1; n <= MESSAGES; n++) {
                publisher.publish(new Quote("shm", n));
            }

            assertThat(child.process().awaitValue("DONE ", Duration.ofSeconds(30)))
                    .as("messages received and out of order").isEqualTo(MESSAGES + " 0");
            assertThat(publisher.info().failed()).isZero();
            assertThat(child.process().stop(Duration.ofSeconds(10))).as("exit code after SIGTERM").isEqualTo(143);
            String prefix = "orrery-node-" + child.process().pid() + "-";
            try (var files = java.nio.file.Files.list(java.nio.file.Path.of("/dev/shm"))) {
                assertThat(files.map(path -> path.getFileName().toString()).filter(name -> name.startsWith(prefix)))
                        .as("the child's shared-memory files, once it has stopped").isEmpty();
            }
        }
    }
}
