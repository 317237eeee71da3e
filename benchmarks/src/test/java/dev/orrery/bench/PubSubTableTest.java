package dev.orrery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PubSubTableTest {

    private static PubSubResult result(String system, String transport, String mode, double msgsPerSec,
                                       double p99Us) {
        return new PubSubResult(system, transport, 64, 2, mode, msgsPerSec, msgsPerSec / 2, 10_000, 10.0, p99Us,
                p99Us * 2, 0, 0, null, 150.0, system.equals("orrery") ? 16 : 0,
                system.equals("orrery") && transport.equals("shm") ? "hybrid" : null);
    }

    @Test
    void shouldCompareEachOrreryTransportWithEachPeer() {
        List<String> lines = PubSubTable.render(List.of(result("orrery", "shm", "async", 1_000_000, 20),
                result("orrery", "tcp", "async", 400_000, 80), result("jeromq", "tcp", "async", 2_000_000, 100),
                result("aeron", "ipc", "async", 10_000_000, 10)), 10_000);

        assertThat(lines).contains("orrery shm/jeromq: 0.50x msgs/s, p99 0.20x",
                "orrery shm/aeron: 0.10x msgs/s, p99 2.00x", "orrery tcp/jeromq: 0.20x msgs/s, p99 0.80x",
                "orrery tcp/aeron: 0.040x msgs/s, p99 8.00x");
        assertThat(lines.get(1)).startsWith("orrery  shm").contains("1,000,000");
        assertThat(lines).anyMatch(line -> line.contains("with 2 subscribers each message counts 2 times"))
                .anyMatch(line -> line.contains("measured apart at 10,000 msgs/s"))
                .noneMatch(line -> line.contains("no synchronous mode"));
    }

    @Test
    void shouldMarkThePeersThatPublishedAsynchronouslyBesideSynchronousOrrery() {
        List<String> lines = PubSubTable.render(List.of(result("orrery", "tcp", "sync", 10_000, 200),
                result("jeromq", "tcp", "async", 2_000_000, 100)), 1000);

        assertThat(lines.get(1)).contains(" sync ");
        assertThat(lines.get(2)).startsWith("jeromq").contains(" async* ");
        assertThat(lines.getLast()).isEqualTo("* has no synchronous mode: published asynchronously, as it always "
                + "does");
    }

    @Test
    void shouldWriteARowWithExactlyTheDocumentedKeys() throws Exception {
        String line = JsonRows.format(result("orrery", "shm", "async", 123_456.78, 20));

        JsonNode row = new ObjectMapper().readTree(line);

        assertThat(line).isEqualTo("{\"system\":\"orrery\",\"transport\":\"shm\",\"payload\":64,\"subscribers\":2,"
                + "\"mode\":\"async\",\"msgs_per_sec\":123456.8,\"slots\":16,\"idle\":\"hybrid\",\"p50_us\":10.0,\"p99_us\":20.0,\"p999_us\":40.0,"
                + "\"cpu_percent\":150.0}");
        assertThat(row.get("msgs_per_sec").asDouble()).isEqualTo(123_456.8);
    }
}
