package dev.orrery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Clock;
import io.micrometer.graphite.GraphiteConfig;
import io.micrometer.graphite.GraphiteMeterRegistry;
import io.micrometer.graphite.GraphiteProtocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The documented Graphite option: a node's call metrics reach a carbon listener in its plaintext protocol. */
@Timeout(30)
class GraphiteBindingTest {

    @Test
    void shouldSendEachMethodsFiguresToCarbon() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (ServerSocket carbon = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                Node server = Node.builder().name("server").listen("inproc://graphite-" + UUID.randomUUID()).build();
                Node client = Node.builder().name("client").build()) {
            Thread.ofVirtual().start(() -> acceptLines(carbon, received));
            server.serve(Probe.class, new ProbeService()).start();
            GraphiteMeterRegistry graphite = new GraphiteMeterRegistry(carbonAt(carbon.getLocalPort()), Clock.SYSTEM);
            server.metrics().bindTo(graphite);
            Probe probe = client.connect(Probe.class, server.endpoints().getFirst());
            for (int i = 0; i < 3; i++) {
                probe.echo("to carbon");
            }

            await().atMost(Duration.ofSeconds(15)).until(() -> received.stream()
                    .anyMatch(line -> line.startsWith("test_probe.echo.orreryCalls.count 3 ")));

            assertThat(received).anyMatch(line -> line.startsWith("test_probe.echo.orreryCallLatency.quantile.0_99 "))
                    .anyMatch(line -> line.startsWith("test_probe.echo.orreryCallErrors.count 0 "))
                    .anyMatch(line -> line.startsWith("test_probe.orreryServiceConcurrencyLimit 512"));
            graphite.close();
        }
    }

    /** Carbon's settings as the docs show them, with a short step so that the test need not wait a minute. */
    private static GraphiteConfig carbonAt(int port) {
        return new GraphiteConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public String host() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public GraphiteProtocol protocol() {
                return GraphiteProtocol.PLAINTEXT;
            }

            @Override
            public Duration step() {
                return Duration.ofSeconds(1);
            }

            @Override
            public String[] tagsAsPrefix() {
                return new String[] {"service", "method"};
            }
        };
    }

    private static void acceptLines(ServerSocket carbon, List<String> received) {
        while (!carbon.isClosed()) {
            try (Socket socket = carbon.accept();
                    BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    received.add(line);
                }
            } catch (IOException e) {
                // The listener closed at the end of the test, or the registry reconnects.
            }
        }
    }
}
