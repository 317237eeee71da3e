package dev.orrery.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What the ping child tells the bench process at the end of its measurement: the result, with the ping child's
 * own CPU time, and what failed during the warm-up. One line of JSON after {@link PingClient#RESULT}.
 *
 * @param result         the measurement; its CPU time is the ping child's alone
 * @param warmErrors     requests that failed during the warm-up
 * @param warmFirstError the first of them, or {@code null}
 */
record PingReport(RpcResult result, long warmErrors, String warmFirstError) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The report as one line of JSON.
     *
     * @return the line, without its line break
     */
    String format() {
        try {
            return MAPPER.writeValueAsString(MAPPER.createObjectNode()
                    .put("system", result.system())
                    .put("transport", result.transport())
                    .put("payload", result.payload())
                    .put("concurrency", result.concurrency())
                    .put("calls", result.calls())
                    .put("errors", result.errors())
                    .put("elapsed_nanos", result.elapsedNanos())
                    .put("p50_us", result.p50Us())
                    .put("p99_us", result.p99Us())
                    .put("p999_us", result.p999Us())
                    .put("first_error", result.firstError())
                    .put("cpu_percent", result.cpuPercent())
                    .put("warm_errors", warmErrors)
                    .put("warm_first_error", warmFirstError));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a report as JSON", e);
        }
    }

    /**
     * Reads a report written by {@link #format()}.
     *
     * @param line the JSON
     * @return the report
     * @throws IOException when the line is not such a report
     */
    static PingReport parse(String line) throws IOException {
        JsonNode row = MAPPER.readTree(line);
        for (String key : new String[] {"system", "transport", "calls", "elapsed_nanos", "p999_us", "warm_errors"}) {
            if (!row.hasNonNull(key)) {
                throw new IOException("the ping child's report has no " + key + ": " + line);
            }
        }
        RpcResult result = new RpcResult(row.get("system").asText(), row.get("transport").asText(),
                row.get("payload").asInt(), row.get("concurrency").asInt(), row.get("calls").asLong(),
                row.get("errors").asLong(), row.get("elapsed_nanos").asLong(), row.get("p50_us").asDouble(),
                row.get("p99_us").asDouble(), row.get("p999_us").asDouble(), text(row, "first_error"),
                row.get("cpu_percent").isNumber() ? row.get("cpu_percent").asDouble() : Double.NaN);
        return new PingReport(result, row.get("warm_errors").asLong(), text(row, "warm_first_error"));
    }

    private static String text(JsonNode row, String key) {
        return row.hasNonNull(key) ? row.get(key).asText() : null;
    }
}
