package dev.orrery.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A peer that opens a live log and never reads it costs bounded memory, and is cut off. */
@Timeout(60)
class SlowPeerTest {

    private static LiveServices services;

    @BeforeAll
    static void startServices() {
        services = LiveServices.start();
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @Test
    void shouldDropLinesForAPeerThatReadsNothingThenCutItOff() throws IOException {
        ConsoleLimits limits = new ConsoleLimits(1 << 20, 16, 8, Duration.ofMillis(100), Duration.ofSeconds(15),
                32 * 1024, 8 * 1024, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1), 200,
                10_000, 0);
        try (ConsoleUnderTest console = ConsoleUnderTest.start(services.supervisor(), ConsoleUnderTest.LOCAL, limits);
             Socket peer = new Socket()) {
            peer.setReceiveBufferSize(4096);
            peer.connect(new InetSocketAddress(console.console.uri().getHost(), console.console.uri().getPort()));
            OutputStream out = peer.getOutputStream();
            out.write(("GET /api/logs/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> console.supervisor.openTails() == 1);

            String text = "x".repeat(2048);
            for (int i = 0; i < 20_000 && dropped(console) == 0; i++) {
                console.supervisor.log("echo", "stdout", text);
            }

            assertThat(dropped(console)).as("lines dropped rather than queued").isPositive();
            await().atMost(Duration.ofSeconds(10)).until(() -> console.supervisor.openTails() == 0);
        }
    }

    private static double dropped(ConsoleUnderTest console) {
        return console.registry.get("orrery.console.events.dropped").counter().count();
    }
}
