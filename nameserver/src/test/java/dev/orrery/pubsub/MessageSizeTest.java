package dev.orrery.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.NodeOptions;
import dev.orrery.OrreryException;
import dev.orrery.SharedMemory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A message larger than a subscriber's node accepts fails for that subscriber alone. */
@Timeout(60)
class MessageSizeTest {

    @Test
    void shouldFailOnlyTheMessageTooLargeForTheSubscriberAndKeepItsConnection() throws Exception {
        try (TopicCluster cluster = TopicCluster.start()) {
            List<Integer> sizes = new CopyOnWriteArrayList<>();
            List<String> cuts = new CopyOnWriteArrayList<>();
            TopicSubscription subscription = cluster.node(NodeOptions.builder().name("small").listen(
                    "tcp://127.0.0.1:0").sharedMemory(SharedMemory.NEVER).maxFrameSize(64 * 1024))
                    .subscribe("blob.>", byte[].class, new MessageHandler<>() {
                        @Override
                        public void onMessage(Message<byte[]> message) {
                            sizes.add(message.value().length);
                        }

                        @Override
                        public void disconnected(String publisher, OrreryException why) {
                            cuts.add(why.getMessage());
                        }
                    });
            cluster.awaitSubscriptions(1);
            Publisher<byte[]> publisher = cluster.node("pub").publisher("blob.bytes", byte[].class,
                    PublisherOptions.sync());
            assertThat(publisher.awaitSubscribers(1, 10_000)).isTrue();

            publisher.publish(new byte[10]).get(5, TimeUnit.SECONDS);
            OrreryException failure = Outcomes.failure(publisher.publish(new byte[200 * 1024]));
            publisher.publish(new byte[20]).get(5, TimeUnit.SECONDS);

            assertThat(failure.getMessage()).contains(subscription.id()).contains("65536");
            assertThat(sizes).containsExactly(10, 20);
            assertThat(cuts).as("the connection was kept").isEmpty();
        }
    }
}
