package dev.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.testkit.JvmProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The script of the README's "Topics", each command in a process of its own: a name server, a subscriber that stops
 * after three messages, three publishes, and {@code topics --json} between them. Refusals of bad input are tested in
 * this JVM, in {@link PublishCommandTest} and {@link SubscribeCommandTest}, but for one here that checks the whole
 * of stderr.
 */
class PubSubAcceptanceTest {

    private static final Duration START = Duration.ofSeconds(60);

    @Test
    @Timeout(180)
    void shouldDeliverThreePublishesInOrderToASubscriberThatThenExits() throws Exception {
        try (JvmProcess nameServerProcess = ChildOrrery.start("nameserver", "--listen", LocalPorts.freeEndpoint())) {
            String nameServer = nameServerProcess.awaitValue(NameServerCommand.LISTENING, START);
            Map<String, String> environment = Map.of(NameServerOption.ENVIRONMENT, nameServer);
            try (JvmProcess subscriber = ChildOrrery.start("subscribe", "demo.>", "--count", "3", "--json",
                    "--nameserver", nameServer)) {
                awaitStderr(subscriber, SubscribeCommand.SUBSCRIBED + "demo.>");

                publish(environment, 1);
                publish(environment, 2);
                CommandRun topics = ChildOrrery.run(environment, "topics", "--json", "--interval", "0s");
                assertThat(topics.exitCode()).as(topics.toString()).isZero();
                JsonNode rows = ServiceDescription.JSON.readTree(topics.out());
                assertThat(rows).hasSize(1);
                JsonNode row = rows.get(0);
                assertThat(row.get("kind").asText()).isEqualTo("pattern");
                assertThat(row.get("name").asText()).isEqualTo("demo.>");
                assertThat(row.get("subscribers").asInt()).isEqualTo(1);
                assertThat(row.get("received").asLong()).isEqualTo(2);
                assertThat(row.get("nodes").get(0).asText()).endsWith("/" + subscriber.pid());
                publish(environment, 3);

                List<JsonNode> messages = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    messages.add(ServiceDescription.JSON.readTree(subscriber.awaitLine(line -> true, START)));
                }
                assertThat(awaitExit(subscriber)).as(subscriber.transcript()).isZero();
                assertThat(messages).extracting(message -> message.get("topic").asText() + " "
                        + message.get("sequence").asLong() + " " + message.get("value"))
                        .containsExactly("demo.ticks 1 {\"n\":1}", "demo.ticks 1 {\"n\":2}", "demo.ticks 1 {\"n\":3}");
                assertThat(messages).allSatisfy(message -> assertThat(message.get("publisher").asText())
                        .startsWith("publish@"));
            }
            nameServerProcess.stop(Duration.ofSeconds(20));
        }
    }

    @Test
    @Timeout(120)
    void shouldRefuseAnInvalidPatternWithoutSubscribing() throws Exception {
        CommandRun run = ChildOrrery.run(Map.of(), "subscribe", "demo.>.x", "--nameserver", LocalPorts.freeEndpoint());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("INVALID_ARGUMENT: pattern 'demo.>.x' is not valid: '>' may only be the last "
                + "segment; a pattern is a topic whose segments may also be '*' (one segment) or, last, '>' (one or "
                + "more); a topic is dotted segments of letters, digits, '_' and '-', at most 255 characters, such as "
                + "market.fx.eurusd\n");
    }

    private static void publish(Map<String, String> environment, int n) throws Exception {
        CommandRun run = ChildOrrery.run(environment, "publish", "demo.ticks", "{\"n\":" + n + "}");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).matches("published 1 to 1 subscriber in \\d+ ms\n");
    }

    /** Waits for a line on the process's stderr, which only its transcript shows; stdout never carries it. */
    private static void awaitStderr(JvmProcess process, String text) {
        RegistryFixture.await(() -> process.transcript().contains(text) || !process.isAlive(),
                "'" + text + "' on stderr");
        assertThat(process.isAlive()).as(process.transcript()).isTrue();
    }

    private static int awaitExit(JvmProcess process) throws InterruptedException {
        RegistryFixture.await(() -> !process.isAlive(), "the subscriber to exit");
        // The process has ended: stop only reads its exit code.
        return process.stop(Duration.ofSeconds(1));
    }
}
