package dev.orrery.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Node;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.testkit.JvmProcess;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a caller sees when the server process dies under it. */
@Timeout(60)
class ServerCrashTest {

    @Test
    void shouldFailCallsInFlightWithUnavailableSoonAfterKillNine() throws Exception {
        try (JvmProcess server = JvmProcess.start(DemoServer.class, "tcp://127.0.0.1:0");
             Node client = Node.builder().name("crash-client").defaultDeadline(Duration.ofSeconds(30)).build()) {
            String endpoint = server.awaitValue("READY ", Duration.ofSeconds(30));
            DemoServer.Sleeper sleeper = client.connect(DemoServer.Sleeper.class, endpoint);
            assertThat(sleeper.sleep(1)).isEqualTo(1);
            CompletableFuture<Long> inFlight = CompletableFuture.supplyAsync(() -> sleeper.sleep(20_000));
            Thread.sleep(300);
            long killed = System.nanoTime();
            server.kill();
            Throwable failure = null;
            try {
                inFlight.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - killed);
            assertThat(failure).isInstanceOf(OrreryException.class);
            assertThat(((OrreryException) failure).status()).isEqualTo(Status.UNAVAILABLE);
            assertThat(waited).isLessThan(Duration.ofSeconds(2));
            // A new call fails fast too, rather than waiting for its deadline.
            long start = System.nanoTime();
            try {
                sleeper.sleep(1);
            } catch (OrreryException e) {
                assertThat(e.status()).isEqualTo(Status.UNAVAILABLE);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
