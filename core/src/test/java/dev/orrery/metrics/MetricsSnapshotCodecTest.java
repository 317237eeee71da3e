package dev.orrery.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orrery.Node;
import dev.orrery.Service;
import dev.orrery.internal.codec.Codecs;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Snapshots travel through Orrery's codecs as they are, latencies' bytes included. */
@Timeout(30)
class MetricsSnapshotCodecTest {

    /** Hands a snapshot back, as a supervisor's report call would take one. */
    @Service("test.reports")
    public interface Reports {
        /**
         * @param snapshot a snapshot
         * @return the same snapshot
         */
        MetricsSnapshot report(MetricsSnapshot snapshot);
    }

    @Test
    void shouldRoundTripThroughMessagePackAndJson() throws Exception {
        MetricsSnapshot snapshot = sample();

        for (ObjectMapper mapper : List.of(Codecs.MSGPACK, Codecs.JSON)) {
            MetricsSnapshot decoded = mapper.readValue(mapper.writeValueAsBytes(snapshot), MetricsSnapshot.class);

            assertThat(decoded).isEqualTo(snapshot);
            assertThat(decoded.methods().getFirst().latencyHistogram().getTotalCount()).isEqualTo(3);
        }
    }

    @Test
    void shouldWriteOnlyItsComponents() throws Exception {
        String json = Codecs.JSON.writeValueAsString(sample().methods().getFirst());

        List<String> names = new ArrayList<>();
        Codecs.JSON.readTree(json).fieldNames().forEachRemaining(names::add);

        assertThat(names).containsExactlyInAnyOrder("service", "method",
                "calls", "errors", "inFlight", "busyNanos", "bytesIn", "bytesOut", "latency");
    }

    @Test
    void shouldTravelAsTheArgumentAndResultOfACall() {
        MetricsSnapshot snapshot = sample();
        try (Node server = Node.builder().name("server").listen("inproc://reports-" + UUID.randomUUID()).build();
                Node client = Node.builder().name("client").build()) {
            server.serve(Reports.class, received -> received).start();

            MetricsSnapshot echoed = client.connect(Reports.class, server.endpoints().getFirst()).report(snapshot);

            assertThat(echoed).isEqualTo(snapshot);
        }
    }

    private static MetricsSnapshot sample() {
        Histogram latencies = new Histogram(2);
        latencies.recordValue(1_500);
        latencies.recordValue(20_000);
        latencies.recordValue(3_000_000);
        MethodMetrics echo = new MethodMetrics("demo.echo", "echo", 12, 1, 2, 345_678, 640, 630,
                MethodMetrics.encodeLatency(latencies));
        MethodMetrics idle = new MethodMetrics("demo.echo", "echoBytes", 0, 0, 0, 0, 0, 0, new byte[0]);
        return new MetricsSnapshot("worker-1", 1_700_000_000_000L, 1_000_000_000L,
                List.of(new ServiceMetrics("demo.echo", 512, 2, 345_678)), List.of(echo, idle));
    }
}
