package dev.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.Node;
import dev.orrery.pubsub.Publisher;
import dev.orrery.pubsub.PublisherOptions;
import dev.orrery.pubsub.SubscribeOptions;
import dev.orrery.pubsub.TopicRegistration;
import dev.orrery.registry.InstanceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code orrery topics} against a name server and nodes in this JVM that publish and subscribe. */
class TopicsCommandTest {

    @Test
    @Timeout(60)
    void shouldSumEachTopicAndPatternWithRatesAsJson() throws Exception {
        try (RegistryFixture registry = RegistryFixture.start();
             Node node = PublishCommandTest.subscriber(registry)) {
            node.subscribe("demo.>", Integer.class, message -> { });
            node.subscribe("demo.ticks", Integer.class, message -> { }, SubscribeOptions.defaults()
                    .withGroup("workers"));
            Publisher<Integer> publisher = node.publisher("demo.ticks", Integer.class, PublisherOptions.sync());
            PublishCommandTest.awaitListed(registry, 3);
            for (int i = 0; i < 5; i++) {
                publisher.publish(i).get(10, TimeUnit.SECONDS);
            }
            CompletableFuture<Void> ticking = CompletableFuture.runAsync(() -> tick(publisher, 40));

            CommandRun run = CommandRun.of("topics", "--json", "--interval", "300ms", "--nameserver",
                    registry.endpoint());
            ticking.get(30, TimeUnit.SECONDS);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            List<JsonNode> rows = new ArrayList<>();
            ServiceDescription.JSON.readTree(run.out()).forEach(rows::add);
            assertThat(rows).extracting(row -> row.get("kind").asText() + " " + row.get("name").asText() + " "
                    + row.get("group").asText("-") + " " + row.get("publishers").asInt() + "/"
                    + row.get("subscribers").asInt())
                    .containsExactly("pattern demo.> - 1/1", "topic demo.ticks - 1/2", "pattern demo.ticks workers 1/1");
            JsonNode topic = rows.get(1);
            assertThat(topic.get("published").asLong()).isGreaterThanOrEqualTo(5);
            assertThat(topic.get("received").isNull()).isTrue();
            assertThat(topic.get("per_second").asDouble()).isPositive();
            assertThat(topic.get("nodes").get(0).asText()).startsWith("subscriber@");
            JsonNode pattern = rows.getFirst();
            assertThat(pattern.get("received").asLong()).isGreaterThanOrEqualTo(5);
            assertThat(pattern.get("published").isNull()).isTrue();
            assertThat(pattern.get("disconnected").isNull()).isTrue();
            assertThat(pattern.get("dropped").asLong()).isZero();
            assertThat(pattern.get("unreachable")).isEmpty();
        }
    }

    @Test
    @Timeout(60)
    void shouldPrintATableForPeople() throws Exception {
        try (RegistryFixture registry = RegistryFixture.start();
             Node node = PublishCommandTest.subscriber(registry)) {
            node.subscribe("demo.>", Integer.class, message -> { });
            Publisher<Integer> publisher = node.publisher("demo.ticks", Integer.class, PublisherOptions.sync());
            PublishCommandTest.awaitListed(registry, 2);
            publisher.publish(1).get(10, TimeUnit.SECONDS);

            CommandRun run = CommandRun.of("topics", "--interval", "0s", "--nameserver", registry.endpoint());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out().lines().toList()).containsExactly(
                    "TOPIC/PATTERN  KIND     GROUP  PUBLISHERS  SUBSCRIBERS  PUBLISHED  RECEIVED  MSG/S  DROPPED  "
                            + "DISCONNECTED  FAILED",
                    "demo.>         pattern  -      1           1            -          1         -      0        "
                            + "-             0",
                    "demo.ticks     topic    -      1           1            1          -         -      0        "
                            + "0             0");
        }
    }

    @Test
    @Timeout(60)
    void shouldNameANodeThatDoesNotAnswerAndStillCountItsSubscription() {
        try (RegistryFixture registry = RegistryFixture.start()) {
            String nowhere = LocalPorts.freeEndpoint();
            registry.nameServer().service().register(new InstanceSpec(TopicRegistration.SERVICE, List.of(nowhere),
                    Map.of(TopicRegistration.ROLE, TopicRegistration.SUBSCRIBER, TopicRegistration.ID, "dead1",
                            TopicRegistration.PATTERN, "demo.>", "node", "gone", "host", "box", "pid", "7"),
                    InstanceSpec.DEFAULT_TTL_MILLIS));

            CommandRun table = CommandRun.of("topics", "--nameserver", registry.endpoint());
            CommandRun json = CommandRun.of("topics", "--json", "--nameserver", registry.endpoint());

            assertThat(table.exitCode()).as(table.toString()).isZero();
            assertThat(table.out()).contains("\ndemo.>         pattern  -      0           1            -          -"
                    + "         -      -        -             -\n")
                    .contains("unreachable: gone@box/7 at " + nowhere + ": UNAVAILABLE: ");
            assertThat(json.exitCode()).as(json.toString()).isZero();
            assertThat(json.out()).contains("\"received\":null").contains("\"nodes\":[]")
                    .contains("\"unreachable\":[\"gone@box/7\"]");
        }
    }

    @Test
    @Timeout(60)
    void shouldSayWhenNothingIsRegistered() {
        try (RegistryFixture registry = RegistryFixture.start()) {
            CommandRun table = CommandRun.of("topics", "--nameserver", registry.endpoint());
            CommandRun json = CommandRun.of("topics", "--json", "--nameserver", registry.endpoint());

            assertThat(table.out()).isEqualTo("no publishers or subscriptions are registered with the name server at "
                    + registry.endpoint() + "\n");
            assertThat(json.out()).isEqualTo("[]\n");
        }
    }

    private static void tick(Publisher<Integer> publisher, int count) {
        for (int i = 0; i < count; i++) {
            publisher.publish(i).join();
            try {
                TimeUnit.MILLISECONDS.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
