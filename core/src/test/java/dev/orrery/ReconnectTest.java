package dev.orrery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A client outlives its server: it fails fast while the server is gone and reconnects once it is back. */
@Timeout(30)
class ReconnectTest {

    @Test
    void shouldFailFastWhileTheServerIsDownAndReconnectWhenItReturns() {
        String endpoint = "inproc://phoenix-" + UUID.randomUUID();
        try (Node client = Node.create(NodeOptions.builder().name("client")
                .reconnectBackoff(Duration.ofMillis(200), Duration.ofSeconds(1)).build())) {
            Probe probe = client.connect(Probe.class, endpoint);
            Node first = Node.builder().name("first").listen(endpoint).build();
            first.serve(Probe.class, new ProbeService()).start();
            assertThat(probe.echo("one")).isEqualTo("one");
            first.close();

            long start = System.nanoTime();
            assertThatThrownBy(() -> probe.echo("two")).isInstanceOf(OrreryException.class)
                    .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.UNAVAILABLE));
            // The first failure may be the old connection closing; then a failed connect starts the backoff,
            // during which calls fail at once without trying.
            Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10))
                    .until(() -> failureOf(() -> probe.echo("three")).contains("next attempt in"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));

            try (Node second = Node.builder().name("second").listen(endpoint).build()) {
                second.serve(Probe.class, new ProbeService()).start();
                Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                        .ignoreException(OrreryException.class)
                        .until(() -> "four".equals(probe.echo("four")));
            }
        }
    }

    private static String failureOf(Runnable call) {
        try {
            call.run();
            return "";
        } catch (OrreryException e) {
            assertThat(e.status()).isEqualTo(Status.UNAVAILABLE);
            return e.getMessage();
        }
    }
}
