package dev.orrery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JsonRowsTest {

    private static final List<String> KEYS =
            List.of("system", "transport", "payload", "concurrency", "calls_per_sec", "p50_us", "p99_us", "p999_us",
                    "cpu_percent", "metrics");

    static void assertWellFormedRow(String line) throws Exception {
        assertThat(line).doesNotContain("\n");
        JsonNode row = new ObjectMapper().readTree(line);
        assertThat(row.isObject()).isTrue();
        List<String> keys = new ArrayList<>();
        row.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(KEYS);
        assertThat(row.get("system").isTextual()).isTrue();
        assertThat(row.get("transport").isTextual()).isTrue();
        assertThat(row.get("payload").isInt()).isTrue();
        assertThat(row.get("concurrency").isInt()).isTrue();
        for (String number : List.of("calls_per_sec", "p50_us", "p99_us", "p999_us")) {
            assertThat(row.get(number).isNumber()).as(number).isTrue();
        }
        assertThat(row.get("cpu_percent").isNumber() || row.get("cpu_percent").isNull()).isTrue();
        assertThat(row.get("metrics").isNull() || List.of("on", "off").contains(row.get("metrics").asText()))
                .as(line).isTrue();
    }

    /** A row of {@code bench rpc}, which always meters the CPU time. */
    static JsonNode assertMeasuredRow(String line) throws Exception {
        assertWellFormedRow(line);
        JsonNode row = new ObjectMapper().readTree(line);
        assertThat(row.get("calls_per_sec").asDouble()).as(line).isPositive();
        assertThat(row.get("cpu_percent").isNumber()).as(line).isTrue();
        assertThat(row.get("cpu_percent").asDouble()).as(line).isPositive();
        return row;
    }

    @Test
    void shouldWriteOneObjectWithExactlyTheDocumentedKeys() throws Exception {
        RpcResult result = new RpcResult("grpc-java", "tcp", 64, 8, 123_457, 0, 2_000_000_000L,
                45.3, 99.9, 1234.5, null);

        String line = JsonRows.format(result);

        assertWellFormedRow(line);
        assertThat(line).isEqualTo("{\"system\":\"grpc-java\",\"transport\":\"tcp\",\"payload\":64,\"concurrency\":8,"
                + "\"calls_per_sec\":61728.5,\"p50_us\":45.3,\"p99_us\":99.9,\"p999_us\":1234.5,"
                + "\"cpu_percent\":null,\"metrics\":null}");
    }

    @Test
    void shouldSayWhetherOrrerysServerRecordedMetrics() throws Exception {
        RpcResult result = new RpcResult("orrery", "shm", 64, 1, 1000, 0, 1_000_000_000L, 1.2, 2.5, 3.1, null)
                .withMetrics(RpcResult.METRICS_OFF).withCpuPercent(150);

        JsonNode row = new ObjectMapper().readTree(JsonRows.format(result));

        assertWellFormedRow(JsonRows.format(result));
        assertThat(row.get("metrics").asText()).isEqualTo("off");
    }

    @Test
    void shouldWriteTheCpuTimeRoundedToATenth() throws Exception {
        RpcResult result = new RpcResult("aeron", "ipc", 64, 1, 1000, 0, 1_000_000_000L, 1.2, 2.5, 3.1, null)
                .withCpuPercent(199.96);

        JsonNode row = new ObjectMapper().readTree(JsonRows.format(result));

        assertThat(row.get("cpu_percent").asDouble()).isEqualTo(200.0);
        assertThat(row.get("transport").asText()).isEqualTo("ipc");
    }

    @Test
    void shouldWriteZeroesWhenNothingWasMeasured() throws Exception {
        RpcResult result = new RpcResult("orrery", "tcp", 0, 1, 0, 10, 0, 0, 0, 0, "UNAVAILABLE");

        JsonNode row = new ObjectMapper().readTree(JsonRows.format(result));

        assertThat(row.get("calls_per_sec").asDouble()).isZero();
        assertThat(row.get("p999_us").asDouble()).isZero();
    }
}
