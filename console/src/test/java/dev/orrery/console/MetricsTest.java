package dev.orrery.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code GET /metrics} is what a Prometheus server scrapes. */
@Timeout(30)
class MetricsTest {

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
    void shouldServeTheRegistrysMetersAsPrometheusText() {
        try (ConsoleUnderTest console = ConsoleUnderTest.start(services)) {
            Counter.builder("orrery.worker.restarts").tag("group", "echo").register(console.registry).increment(3);

            HttpResponse<String> response = console.http.get("/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(response.body()).contains("# TYPE orrery_worker_restarts_total counter")
                    .contains("orrery_worker_restarts_total{group=\"echo\"} 3.0")
                    .contains("orrery_console_event_streams 0.0");
        }
    }

    @Test
    void shouldTakeItsOwnMetersAwayWhenItCloses() {
        ConsoleUnderTest console = ConsoleUnderTest.start(services);
        console.console.close();

        assertThat(console.registry.find("orrery.console.event.streams").meter()).isNull();
        console.close();
    }
}
