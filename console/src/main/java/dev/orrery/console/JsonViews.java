package dev.orrery.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orrery.Status;
import dev.orrery.registry.Instance;
import dev.orrery.registry.NameServerStats;
import dev.orrery.supervisor.GroupSnapshot;
import dev.orrery.supervisor.LogLine;
import dev.orrery.supervisor.MethodSnapshot;
import dev.orrery.supervisor.Sample;
import dev.orrery.supervisor.ScaleDecision;
import dev.orrery.supervisor.WorkerSnapshot;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON shapes of the API, written field by field so that they stay what {@code docs/console-api.md} says
 * whatever the records behind them become. Times are ISO-8601 strings in UTC; statuses and actions are lower case.
 */
final class JsonViews {

    /** Reads strictly (text after the first value is an error) and writes compactly, on one line. */
    static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private JsonViews() {
    }

    static ObjectNode group(GroupSnapshot group) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("name", group.name())
                .put("status", group.status().wireName())
                .put("reason", text(group.reason()))
                .put("minWorkers", group.minWorkers())
                .put("maxWorkers", group.maxWorkers());
        json.set("workers", array(group.workers(), JsonViews::worker));
        json.set("instances", array(group.instances(), instance -> instance(instance, group.name())));
        number(json, "cpuPercent", group.cpuPercent());
        json.put("rssBytes", group.rssBytes());
        number(json, "callsPerSecond", group.callsPerSecond());
        number(json, "p99Micros", group.p99Micros());
        json.put("errors", group.errors());
        json.set("methods", array(group.methods(), JsonViews::method));
        return json;
    }

    static ObjectNode worker(WorkerSnapshot worker) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("pid", worker.pid())
                .put("status", worker.status().wireName())
                .put("restarts", worker.restarts())
                .put("startedAt", time(worker.startedAt()))
                .put("uptimeMillis", worker.uptimeMillis());
        number(json, "cpuPercent", worker.cpuPercent());
        return json.put("rssBytes", worker.rssBytes())
                .put("threads", worker.threads())
                .put("lastExit", text(worker.lastExit()));
    }

    /**
     * An instance, with its lease.
     *
     * @param instance the instance
     * @param group    the group whose workers registered it, or {@code null} when no group did
     * @return the JSON object
     */
    static ObjectNode instance(Instance instance, String group) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("id", instance.id())
                .put("service", instance.service())
                .put("group", group);
        ArrayNode endpoints = json.putArray("endpoints");
        instance.endpoints().forEach(endpoints::add);
        ObjectNode metadata = json.putObject("metadata");
        instance.metadata().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> metadata.put(entry.getKey(), entry.getValue()));
        return json.put("ttlMillis", instance.ttlMillis())
                .put("registeredAt", epochMillis(instance.registeredAt()))
                .put("lastRenewedAt", epochMillis(instance.lastRenewedAt()))
                .put("expiresAt", epochMillis(instance.lastRenewedAt() + instance.ttlMillis()));
    }

    static ObjectNode method(MethodSnapshot method) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("service", method.service())
                .put("method", method.method())
                .put("calls", method.calls())
                .put("errors", method.errors())
                .put("inFlight", method.inFlight());
        number(json, "callsPerSecond", method.callsPerSecond());
        number(json, "p50Micros", method.p50Micros());
        number(json, "p99Micros", method.p99Micros());
        number(json, "p999Micros", method.p999Micros());
        return json.put("bytesIn", method.bytesIn()).put("bytesOut", method.bytesOut());
    }

    static ObjectNode sample(Sample sample) {
        ObjectNode json = MAPPER.createObjectNode().put("time", time(sample.time()));
        number(json, "callsPerSecond", sample.callsPerSecond());
        number(json, "p50Micros", sample.p50Micros());
        number(json, "p99Micros", sample.p99Micros());
        number(json, "p999Micros", sample.p999Micros());
        number(json, "cpuPercent", sample.cpuPercent());
        return json.put("rssBytes", sample.rssBytes()).put("workers", sample.workers());
    }

    static ObjectNode logLine(LogLine line) {
        return MAPPER.createObjectNode()
                .put("seq", line.seq())
                .put("time", time(line.time()))
                .put("group", line.group())
                .put("pid", line.pid())
                .put("stream", line.stream())
                .put("text", text(line.text()));
    }

    static ObjectNode decision(ScaleDecision decision) {
        return MAPPER.createObjectNode()
                .put("time", time(decision.time()))
                .put("group", decision.group())
                .put("action", decision.action().name().toLowerCase(Locale.ROOT))
                .put("from", decision.from())
                .put("to", decision.to())
                .put("reason", text(decision.reason()));
    }

    static ObjectNode stats(NameServerStats stats) {
        return MAPPER.createObjectNode()
                .put("version", stats.version())
                .put("uptimeMillis", stats.uptimeMillis())
                .put("services", stats.services())
                .put("instances", stats.instances())
                .put("watches", stats.watches())
                .put("revision", stats.revision());
    }

    /**
     * The body of every error.
     *
     * @param status     the Orrery status
     * @param message    what happened and what would be valid
     * @param remoteType the type of the exception a remote handler threw, or {@code null}
     * @return {@code {"error": message, "status": "NAME"}}, with {@code remoteType} when given
     */
    static ObjectNode error(Status status, String message, String remoteType) {
        ObjectNode json = MAPPER.createObjectNode().put("error", message).put("status", status.name());
        if (remoteType != null) {
            json.put("remoteType", remoteType);
        }
        return json;
    }

    static <T> ArrayNode array(Collection<T> items, Function<T, ? extends JsonNode> view) {
        ArrayNode array = MAPPER.createArrayNode();
        for (T item : items) {
            array.add(view.apply(item));
        }
        return array;
    }

    static String write(JsonNode json) {
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a JSON tree could not be written", e);
        }
    }

    static byte[] bytes(JsonNode json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a JSON tree could not be written", e);
        }
    }

    /** JSON has no NaN nor infinity: a figure not known yet is {@code null}. */
    private static void number(ObjectNode json, String name, double value) {
        if (Double.isFinite(value)) {
            json.put(name, value);
        } else {
            json.putNull(name);
        }
    }

    private static String time(Instant time) {
        return time == null ? null : time.toString();
    }

    private static String epochMillis(long millis) {
        return millis <= 0 ? null : Instant.ofEpochMilli(millis).toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
