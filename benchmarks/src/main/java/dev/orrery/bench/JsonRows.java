package dev.orrery.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * Writes results as JSON lines for scripts: one object per result, with exactly the keys {@code system},
 * {@code transport}, {@code payload}, {@code concurrency}, {@code calls_per_sec}, {@code p50_us}, {@code p99_us},
 * {@code p999_us} and {@code cpu_percent}: the CPU time of client and server together over the measurement, as a
 * percentage of one core, or {@code null} where it was not measured.
 */
final class JsonRows {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonRows() {
    }

    /**
     * One result as one line of JSON, without the line break.
     *
     * @param result the result
     * @return the JSON object
     */
    static String format(RpcResult result) {
        ObjectNode row = MAPPER.createObjectNode()
                .put("system", result.system())
                .put("transport", result.transport())
                .put("payload", result.payload())
                .put("concurrency", result.concurrency())
                .put("calls_per_sec", Math.round(result.callsPerSec() * 10) / 10.0)
                .put("p50_us", result.p50Us())
                .put("p99_us", result.p99Us())
                .put("p999_us", result.p999Us());
        if (Double.isNaN(result.cpuPercent())) {
            row.putNull("cpu_percent");
        } else {
            row.put("cpu_percent", Math.round(result.cpuPercent() * 10) / 10.0);
        }
        try {
            return MAPPER.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a result as JSON", e);
        }
    }
}
