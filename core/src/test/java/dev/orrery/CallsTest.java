package dev.orrery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Remote calls of every kind, through the whole stack over an in-JVM connection. */
@Timeout(30)
class CallsTest {
    private final ProbeService implementation = new ProbeService();
    private Node server;
    private Node client;
    private Probe probe;

    @BeforeEach
    void start() {
        server = Node.builder().name("server").listen("inproc://calls-" + UUID.randomUUID()).build();
        server.serve(Probe.class, implementation).start();
        client = Node.builder().name("client").build();
        probe = client.connect(Probe.class, server.endpoints().getFirst());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void shouldAnswerSyncCalls() {
        assertThat(probe.echo("hi")).isEqualTo("hi");
        assertThat(probe.echo(null)).isNull();
        assertThat(probe.echo("ünïcødé ✓")).isEqualTo("ünïcødé ✓");
    }

    @Test
    void shouldPassBytesRaw() {
        byte[] bytes = new byte[100_000];
        new java.util.Random(7).nextBytes(bytes);
        assertThat(probe.echoBytes(bytes)).isEqualTo(bytes);
        assertThat(probe.echoBytes(new byte[0])).isEmpty();
    }

    @Test
    void shouldRoundTripRecordsCollectionsAndNestedTypes() {
        Probe.Shape shape = new Probe.Shape("square",
                List.of(new Probe.Point(0, 0, Probe.Color.RED), new Probe.Point(1, 1, Probe.Color.GREEN)),
                Map.of("area", 1.0, "ratio", 0.5));
        assertThat(probe.shape(shape)).isEqualTo(shape);
        assertThat(probe.group(shape.corners())).containsOnlyKeys("RED", "GREEN");
        assertThat(probe.group(shape.corners()).get("GREEN")).containsExactly(shape.corners().get(1));
        Instant now = Instant.parse("2026-11-23T10:15:30.123456Z");
        assertThat(probe.later(Optional.of(now), 60)).contains(now.plusSeconds(60));
        assertThat(probe.later(Optional.empty(), 60)).isEmpty();
    }

    @Test
    void shouldCompleteAsyncCalls() throws Exception {
        assertThat(probe.upperAsync("abc").get(5, TimeUnit.SECONDS)).isEqualTo("ABC");
    }

    @Test
    void shouldDeliverOneWayCallsWithinTheWindow() {
        for (int i = 1; i <= 500; i++) {
            probe.record(i);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> implementation.recordCalls.get() == 500);
        assertThat(probe.recordedSum()).isEqualTo(500 * 501 / 2);
    }

    @Test
    void shouldFailWithDeadlineExceededAndInterruptTheHandler() throws Exception {
        assertThat(probe.sleep(1)).isEqualTo(1);
        long start = System.nanoTime();
        assertThatThrownBy(() -> Calls.withDeadline(Duration.ofMillis(500), () -> probe.sleep(10_000)))
                .isInstanceOf(OrreryException.class)
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.DEADLINE_EXCEEDED));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(implementation.interrupted.await(5, TimeUnit.SECONDS)).as("server handler interrupted").isTrue();
    }

    @Test
    void shouldHonourTheDeadlineAnnotationAndTheProxyDeadline() {
        assertThatThrownBy(() -> probe.sleepBriefly(3_000)).isInstanceOf(OrreryException.class)
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.DEADLINE_EXCEEDED));
        Probe patient = client.connect(Probe.class, server.endpoints().getFirst(), Duration.ofSeconds(5));
        assertThat(patient.sleepBriefly(300)).isEqualTo(300);
        Probe hasty = client.connect(Probe.class, server.endpoints().getFirst(), Duration.ofMillis(50));
        assertThatThrownBy(() -> hasty.sleep(2_000)).isInstanceOf(OrreryException.class)
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.DEADLINE_EXCEEDED));
    }

    @Test
    void shouldFailAsyncCallsAtTheirDeadline() throws Exception {
        long start = System.nanoTime();
        var future = Calls.withDeadline(Duration.ofMillis(100), () -> probe.sleepAsync(5_000));
        assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(OrreryException.class)
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.DEADLINE_EXCEEDED));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void shouldCarryRemoteExceptionsWithStatusTypeAndMessage() {
        assertThatThrownBy(() -> probe.fail("argument")).isInstanceOf(OrreryException.class)
                .satisfies(e -> {
                    OrreryException error = (OrreryException) e;
                    assertThat(error.status()).isEqualTo(Status.INVALID_ARGUMENT);
                    assertThat(error.remoteType()).isEqualTo(IllegalArgumentException.class.getName());
                    assertThat(error.description()).isEqualTo("kind must be polite");
                });
        assertThatThrownBy(() -> probe.fail("state")).isInstanceOf(OrreryException.class)
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.UNKNOWN))
                .hasMessageContaining("the probe is in a bad mood");
        assertThatThrownBy(() -> probe.fail("orrery")).isInstanceOf(OrreryException.class)
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.PERMISSION_DENIED));
        assertThat(probe.fail("fine")).isEqualTo("fine");
    }

    @Test
    void shouldFailAsyncCallsWithTheRemoteStatus() {
        Probe.Shape bad = null;
        assertThat(probe.shape(bad)).isNull();
        var future = probe.upperAsync(null);
        assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(OrreryException.class)
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.UNKNOWN));
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownServiceOrMethod() {
        DynamicClient json = client.dynamic(server.endpoints().getFirst());
        assertThatThrownBy(() -> json.call("no.such", "echo", "[]")).isInstanceOf(OrreryException.class)
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.NOT_FOUND))
                .hasMessageContaining("no service 'no.such'").hasMessageContaining("test.probe");
        assertThatThrownBy(() -> json.call("test.probe", "ech", "[\"x\"]")).isInstanceOf(OrreryException.class)
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.NOT_FOUND))
                .hasMessageContaining("no method 'ech'");
    }

    @Test
    void shouldRejectArgumentsOfTheWrongNumberOrType() {
        DynamicClient json = client.dynamic(server.endpoints().getFirst());
        assertThat(json.call("test.probe", "echo", "[\"hi\"]")).isEqualTo("\"hi\"");
        assertThatThrownBy(() -> json.call("test.probe", "echo", "[\"a\", \"b\"]"))
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.INVALID_ARGUMENT))
                .hasMessageContaining("echo takes 1 argument (String text), got 2");
        assertThatThrownBy(() -> json.call("test.probe", "later", "[null]"))
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.INVALID_ARGUMENT))
                .hasMessageContaining("got 1");
        assertThatThrownBy(() -> json.call("test.probe", "sleep", "[\"soon\"]"))
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.INVALID_ARGUMENT))
                .hasMessageContaining("argument 1 (millis)");
        assertThatThrownBy(() -> json.call("test.probe", "sleep", "{\"millis\": 1}"))
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.INVALID_ARGUMENT))
                .hasMessageContaining("must be an array");
        assertThatThrownBy(() -> json.call("test.probe", "echo", "[\"unterminated"))
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.INVALID_ARGUMENT))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void shouldDescribeEveryService() throws Exception {
        String description = client.dynamic(server.endpoints().getFirst()).describe("test.probe");
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(description);
        assertThat(tree.get("service").asText()).isEqualTo("test.probe");
        var methods = tree.get("methods");
        assertThat(methods).hasSizeGreaterThan(8);
        var sleep = java.util.stream.StreamSupport.stream(methods.spliterator(), false)
                .filter(m -> m.get("name").asText().equals("sleep")).findFirst().orElseThrow();
        assertThat(sleep.get("params").get(0).get("name").asText()).isEqualTo("millis");
        assertThat(sleep.get("params").get(0).get("schema").get("type").asText()).isEqualTo("integer");
        assertThat(sleep.get("kind").asText()).isEqualTo("sync");
        assertThat(description).contains("\"oneway\"").contains("\"async\"").contains("#/definitions/");
    }

    @Test
    void shouldProxyObjectMethodsLocally() {
        assertThat(probe.toString()).contains("test.probe").contains("inproc://");
        assertThat(probe).isEqualTo(probe);
        assertThat(probe.hashCode()).isEqualTo(System.identityHashCode(probe));
    }
}
