package dev.orrery.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * Writes results as JSON lines for scripts: one object per result. A row of {@code bench rpc} has exactly the
 * keys {@code system}, {@code transport}, {@code payload}, {@code concurrency}, {@code calls_per_sec},
 * {@code p50_us}, {@code p99_us}, {@code p999_us}, {@code cpu_percent} and {@code metrics} ({@code "on"} or
 * {@code "off"}: whether Orrery's server recorded call metrics; {@code null} for the other systems); a row of
 * {@code bench pubsub} has {@code system}, {@code transport}, {@code payload}, {@code subscribers}, {@code mode},
 * {@code msgs_per_sec}, {@code p50_us}, {@code p99_us}, {@code p999_us} and {@code cpu_percent}.
 * {@code cpu_percent} is the CPU time of the processes measured, over the measurement, as a percentage of one
 * core, or {@code null} where it was not measured.
 */
final class JsonRows {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonRows() {
    }

    /**
     * One result of {@code bench rpc} or {@code bench locate} as one line of JSON, without the line break.
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
                .put("calls_per_sec", tenth(result.callsPerSec()));
        latenciesAndCpu(row, result.p50Us(), result.p99Us(), result.p999Us(), result.cpuPercent());
        return write(row.put("metrics", result.metrics()));
    }

    /**
     * One result of {@code bench pubsub} as one line of JSON, without the line break.
     *
     * @param result the result
     * @return the JSON object
     */
    static String format(PubSubResult result) {
        ObjectNode row = MAPPER.createObjectNode()
                .put("system", result.system())
                .put("transport", result.transport())
                .put("payload", result.payload())
                .put("subscribers", result.subscribers())
                .put("mode", result.mode())
                .put("msgs_per_sec", tenth(result.msgsPerSec()));
        if (result.slots() > 0) {
            row.put("slots", result.slots());
        } else {
            row.putNull("slots");
        }
        row.put("idle", result.idle());
        return write(latenciesAndCpu(row, result.p50Us(), result.p99Us(), result.p999Us(), result.cpuPercent()));
    }

    /** Adds the latencies and the CPU time, which every row has. */
    private static ObjectNode latenciesAndCpu(ObjectNode row, double p50Us, double p99Us, double p999Us,
                                              double cpuPercent) {
        row.put("p50_us", p50Us).put("p99_us", p99Us).put("p999_us", p999Us);
        if (Double.isNaN(cpuPercent)) {
            row.putNull("cpu_percent");
        } else {
            row.put("cpu_percent", tenth(cpuPercent));
        }
        return row;
    }

    private static String write(ObjectNode row) {
        try {
            return MAPPER.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a result as JSON", e);
        }
    }

    private static double tenth(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
