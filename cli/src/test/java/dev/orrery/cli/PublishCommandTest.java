package dev.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.Node;
import dev.orrery.pubsub.TopicRegistration;
import dev.orrery.pubsub.TopicSubscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code orrery publish} against a name server and subscriptions in this JVM. */
class PublishCommandTest {

    @Test
    @Timeout(60)
    void shouldPublishEveryMessageToTheSubscriptionAndSaySoOnStderr() throws Exception {
        try (RegistryFixture registry = RegistryFixture.start(); Node node = subscriber(registry)) {
            List<String> got = new CopyOnWriteArrayList<>();
            TopicSubscription subscription = node.subscribe("demo.*", JsonNode.class,
                    message -> got.add(message.topic() + " " + message.sequence() + " " + message.value()));
            awaitListed(registry, 1);

            CommandRun run = CommandRun.of("publish", "--nameserver", registry.endpoint(), "--count", "3",
                    "demo.ticks", "{\"n\": 1, \"tags\": [\"a\", null, 2.5]}");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).matches("published 3 to 1 subscriber in \\d+ ms\n");
            assertThat(got).containsExactly("demo.ticks 1 {\"n\":1,\"tags\":[\"a\",null,2.5]}",
                    "demo.ticks 2 {\"n\":1,\"tags\":[\"a\",null,2.5]}", "demo.ticks 3 {\"n\":1,\"tags\":[\"a\",null,2.5]}");
            assertThat(subscription.info().received()).isEqualTo(3);
        }
    }

    @Test
    @Timeout(60)
    void shouldPrintEachMessageTheSubscriberFailedAndExitNonZero() throws Exception {
        try (RegistryFixture registry = RegistryFixture.start(); Node node = subscriber(registry)) {
            node.subscribe("demo.ticks", JsonNode.class, message -> {
                throw new IllegalStateException("no room for " + message.value());
            });
            awaitListed(registry, 1);

            CommandRun run = CommandRun.of("publish", "--nameserver", registry.endpoint(), "--count", "2",
                    "demo.ticks", "7");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OTHER);
            assertThat(run.err().lines().toList()).hasSize(3);
            assertThat(run.err()).contains("message 1 of demo.ticks was not delivered to 1 subscription: ")
                    .contains("message 2 of demo.ticks was not delivered").contains("no room for 7")
                    .containsPattern("published 2 to 1 subscriber in \\d+ ms; 2 not delivered\n$");
        }
    }

    @Test
    @Timeout(60)
    void shouldWarnThatNoOneSubscribesAndStillSucceed() {
        try (RegistryFixture registry = RegistryFixture.start()) {
            CommandRun run = CommandRun.of("publish", "--nameserver", registry.endpoint(), "--wait", "100ms",
                    "demo.nobody", "true");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).startsWith("warning: no subscriber of demo.nobody after waiting 100ms (--wait)")
                    .containsPattern("published 1 to 0 subscribers in \\d+ ms\n$");
        }
    }

    @Test
    @Timeout(60)
    void shouldPublishNoFasterThanTheRate() throws Exception {
        try (RegistryFixture registry = RegistryFixture.start(); Node node = subscriber(registry)) {
            node.subscribe("demo.ticks", JsonNode.class, message -> { });
            awaitListed(registry, 1);
            long started = System.nanoTime();

            CommandRun run = CommandRun.of("publish", "--nameserver", registry.endpoint(), "--count", "5",
                    "--rate", "20", "--async", "demo.ticks", "1");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat((System.nanoTime() - started) / 1_000_000).as("four gaps of 50 ms").isGreaterThanOrEqualTo(200);
            assertThat(run.err()).contains("published 5 to 1 subscriber in ").contains("(async: written");
        }
    }

    @Test
    @Timeout(30)
    void shouldRefuseInvalidJsonSayingWhereAndHowToQuoteIt() {
        CommandRun run = CommandRun.of("publish", "--nameserver", LocalPorts.freeEndpoint(), "demo.ticks",
                "{\"n\":}");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("INVALID_ARGUMENT: the message is not valid JSON: Unexpected character "
                + "('}' (code 125))").contains("(at character 6)\n")
                .contains("quote the message for the shell, such as: bin/orrery publish --nameserver ")
                .endsWith(" demo.ticks '{\"n\":1}'\n");
    }

    @Test
    @Timeout(30)
    void shouldRefuseAnEmptyMessageAndTrailingText() {
        CommandRun empty = CommandRun.of("publish", "--nameserver", LocalPorts.freeEndpoint(), "demo.ticks", " ");
        CommandRun trailing = CommandRun.of("publish", "--nameserver", LocalPorts.freeEndpoint(), "demo.ticks",
                "1 2");

        assertThat(empty.exitCode()).as(empty.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(empty.err()).startsWith("INVALID_ARGUMENT: the message is empty; it must be a JSON value");
        assertThat(trailing.exitCode()).as(trailing.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(trailing.err()).startsWith("INVALID_ARGUMENT: the message is not valid JSON: Trailing token");
    }

    @Test
    @Timeout(30)
    void shouldRefuseAWildcardInTheTopic() {
        CommandRun run = CommandRun.of("publish", "--nameserver", LocalPorts.freeEndpoint(), "demo.*", "1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("INVALID_ARGUMENT: topic 'demo.*' is not valid: wildcards belong in "
                + "subscriptions");
    }

    @Test
    @Timeout(30)
    void shouldRefuseACountBelowOneAndARateOfZero() {
        CommandRun count = CommandRun.of("publish", "--count", "0", "demo.ticks", "1");
        CommandRun rate = CommandRun.of("publish", "--rate", "0", "demo.ticks", "1");

        assertThat(count.exitCode()).as(count.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(count.err()).startsWith("--count must be at least 1, got 0");
        assertThat(rate.exitCode()).as(rate.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(rate.err()).startsWith("--rate must be a number of messages per second above zero");
    }

    @Test
    @Timeout(30)
    void shouldSayThatNoNameServerAnswers() {
        CommandRun run = CommandRun.of("publish", "--nameserver", LocalPorts.freeEndpoint(), "demo.ticks", "1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).startsWith("UNAVAILABLE: no name server answered").contains("start one with: ");
    }

    /** A started node that subscribers live on, registered with the fixture's name server. */
    static Node subscriber(RegistryFixture registry) {
        return Node.builder().name("subscriber").listen("tcp://127.0.0.1:0").nameserver(registry.endpoint()).build()
                .start();
    }

    /** Waits until the name server lists this many publishers and subscriptions. */
    static void awaitListed(RegistryFixture registry, int count) {
        RegistryFixture.await(() -> registry.instances(TopicRegistration.SERVICE) == count,
                count + " registrations of " + TopicRegistration.SERVICE);
    }
}
