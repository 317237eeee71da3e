package dev.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.Node;
import dev.orrery.pubsub.Publisher;
import dev.orrery.pubsub.PublisherOptions;
import dev.orrery.pubsub.TopicRegistration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code orrery subscribe} against a name server and publishers in this JVM. */
class SubscribeCommandTest {

    /** A value as publishers in Java send them. */
    record Tick(String symbol, long n) {
    }

    @Test
    @Timeout(60)
    void shouldPrintALinePerMessageForPeopleAndStopAfterTheCount() throws Exception {
        try (RegistryFixture registry = RegistryFixture.start();
             Node publishing = Node.builder().name("ticker").nameserver(registry.endpoint()).build()) {
            CompletableFuture<CommandRun> subscribe = subscribeInBackground(registry, "subscribe", "--count", "2",
                    "--nameserver", registry.endpoint(), "demo.*");
            Publisher<Tick> publisher = publishing.publisher("demo.ticks", Tick.class, PublisherOptions.sync());
            assertThat(publisher.awaitSubscribers(1, 10_000)).isTrue();

            publisher.publish(new Tick("eur", 1)).get(10, TimeUnit.SECONDS);
            publisher.publish(new Tick("usd", 2)).get(10, TimeUnit.SECONDS);
            publisher.close();
            CommandRun run = subscribe.get(30, TimeUnit.SECONDS);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).isEqualTo("demo.ticks 1 {\"symbol\":\"eur\",\"n\":1}\n"
                    + "demo.ticks 2 {\"symbol\":\"usd\",\"n\":2}\n");
            assertThat(run.err()).isEqualTo(SubscribeCommand.SUBSCRIBED + "demo.*; stopping after 2 messages\n");
        }
    }

    @Test
    @Timeout(60)
    void shouldPrintJsonObjectsNamingThePublisherAndJoinAQueueGroup() throws Exception {
        try (RegistryFixture registry = RegistryFixture.start();
             Node publishing = Node.builder().name("ticker").nameserver(registry.endpoint()).build()) {
            CompletableFuture<CommandRun> subscribe = subscribeInBackground(registry, "subscribe", "--json",
                    "--count", "1", "--group", "workers", "--nameserver", registry.endpoint(), "demo.>");
            assertThat(registry.nameServer().service().locate(TopicRegistration.SERVICE, TopicRegistrations
                    .SUBSCRIPTIONS).getFirst().metadata()).containsEntry(TopicRegistration.GROUP, "workers")
                    .containsEntry(TopicRegistration.PATTERN, "demo.>").containsEntry("node", "subscribe");
            Publisher<String> publisher = publishing.publisher("demo.a.b", String.class, PublisherOptions.sync());
            assertThat(publisher.awaitSubscribers(1, 10_000)).isTrue();

            // The publisher stays: the command waits a little for it before it deregisters, lest the
            // deregistration overtake the release of the message and fail the publish.
            publisher.publish("hello").get(10, TimeUnit.SECONDS);
            CommandRun run = subscribe.get(30, TimeUnit.SECONDS);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode line = ServiceDescription.JSON.readTree(run.out());
            assertThat(List.of(line.fieldNames().next(), line.get("topic").asText(), line.get("value").asText()))
                    .containsExactly("topic", "demo.a.b", "hello");
            assertThat(line.get("publisher").asText()).startsWith("ticker@").endsWith("#1");
            assertThat(line.get("sequence").asLong()).isEqualTo(1);
            assertThat(run.err()).isEqualTo(SubscribeCommand.SUBSCRIBED
                    + "demo.> in group workers; stopping after 1 message\n");
        }
    }

    @Test
    @Timeout(60)
    void shouldDeregisterWhenItStops() throws Exception {
        try (RegistryFixture registry = RegistryFixture.start();
             Node publishing = Node.builder().name("ticker").nameserver(registry.endpoint()).build()) {
            CompletableFuture<CommandRun> subscribe = subscribeInBackground(registry, "subscribe", "--count", "1",
                    "--nameserver", registry.endpoint(), "demo.ticks");
            Publisher<Integer> publisher = publishing.publisher("demo.ticks", Integer.class, PublisherOptions.sync());
            assertThat(publisher.awaitSubscribers(1, 10_000)).isTrue();

            publisher.publish(1).get(10, TimeUnit.SECONDS);
            publisher.close();

            assertThat(subscribe.get(30, TimeUnit.SECONDS).exitCode()).isZero();
            assertThat(registry.instances(TopicRegistration.SERVICE)).isZero();
        }
    }

    @Test
    @Timeout(30)
    void shouldRefuseAnInvalidPatternSayingWhy() {
        CommandRun run = CommandRun.of("subscribe", "--nameserver", LocalPorts.freeEndpoint(), "demo.>.ticks");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("INVALID_ARGUMENT: pattern 'demo.>.ticks' is not valid: '>' may only be "
                + "the last segment");
    }

    @Test
    @Timeout(30)
    void shouldRefuseAnInvalidGroupAsAUsageError() {
        CommandRun run = CommandRun.of("subscribe", "--group", "two words", "demo.ticks");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("Invalid value for option '--group': a queue group name is dotted segments");
    }

    @Test
    @Timeout(30)
    void shouldSayThatNoNameServerAnswers() {
        CommandRun run = CommandRun.of("subscribe", "--nameserver", LocalPorts.freeEndpoint(), "demo.ticks");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).startsWith("UNAVAILABLE: no name server answered").contains("start one with: ");
    }

    /** Runs the subscription on another thread and returns once the name server lists it. */
    private static CompletableFuture<CommandRun> subscribeInBackground(RegistryFixture registry, String... args) {
        CompletableFuture<CommandRun> subscribe = CompletableFuture.supplyAsync(() -> CommandRun.of(args));
        RegistryFixture.await(() -> subscribe.isDone() || registry.instances(TopicRegistration.SERVICE) > 0,
                "the subscription to be registered");
        if (subscribe.isDone()) {
            throw new AssertionError("the command ended early: " + subscribe.join());
        }
        return subscribe;
    }
}
