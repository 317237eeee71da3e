package dev.orrery.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orrery.registry.Instance;
import dev.orrery.registry.RegistryEvent;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How {@code orrery ls} and {@code orrery watch} write instances and events: JSON objects for scripts, one line
 * each for people. Metadata keys come out sorted, so that the same instance always prints the same way.
 */
final class RegistryFormat {

    private RegistryFormat() {
    }

    /**
     * An instance as JSON: {@code id}, {@code endpoints}, {@code metadata}, {@code ttl_ms},
     * {@code registered_at} and {@code last_renewed_at} (milliseconds since the epoch, the name server's clock).
     *
     * @param instance the instance
     * @return the object
     */
    static ObjectNode instanceJson(Instance instance) {
        ObjectNode node = ServiceDescription.JSON.createObjectNode();
        node.put("id", instance.id());
        ArrayNode endpoints = node.putArray("endpoints");
        instance.endpoints().forEach(endpoints::add);
        ObjectNode metadata = node.putObject("metadata");
        sorted(instance.metadata()).forEach(metadata::put);
        node.put("ttl_ms", instance.ttlMillis());
        node.put("registered_at", instance.registeredAt());
        node.put("last_renewed_at", instance.lastRenewedAt());
        return node;
    }

    /**
     * An event as JSON: {@code kind}, {@code service}, {@code id}, {@code endpoints}, {@code metadata},
     * {@code revision}; {@code CURRENT}, which concerns no instance, has only {@code kind} and {@code revision}.
     *
     * @param event the event
     * @return the object
     */
    static ObjectNode eventJson(RegistryEvent event) {
        ObjectNode node = ServiceDescription.JSON.createObjectNode();
        node.put("kind", event.kind().name());
        Instance instance = event.instance();
        if (instance != null) {
            node.put("service", instance.service());
            node.setAll(instanceJson(instance));
        }
        node.put("revision", event.revision());
        return node;
    }

    /**
     * An event as people read it.
     *
     * @param event an event about an instance
     * @return such as {@code REGISTERED demo.echo 1f-k2m9qax7 tcp://127.0.0.1:7070 {host=box, node=demo}}
     */
    static String eventLine(RegistryEvent event) {
        Instance instance = event.instance();
        return event.kind() + " " + instance.service() + " " + instance.id() + " " + endpoints(instance) + " "
                + metadata(instance.metadata());
    }

    /**
     * The endpoints of an instance.
     *
     * @param instance the instance
     * @return the endpoints, separated by commas
     */
    static String endpoints(Instance instance) {
        return String.join(",", instance.endpoints());
    }

    /**
     * Metadata as people read it.
     *
     * @param metadata the pairs
     * @return such as {@code {host=box, node=demo}}, keys sorted
     */
    static String metadata(Map<String, String> metadata) {
        return sorted(metadata).toString();
    }

    /**
     * A span of milliseconds in seconds with one decimal, or minutes beyond an hour's worth of seconds.
     *
     * @param millis the span, never shown below zero
     * @return such as {@code 2.5s}
     */
    static String seconds(long millis) {
        long shown = Math.max(0, millis);
        if (shown >= 3_600_000) {
            return shown / 60_000 + "m";
        }
        return shown % 1000 == 0 ? shown / 1000 + "s" : String.format(Locale.ROOT, "%.1fs", shown / 1000.0);
    }

    private static Map<String, String> sorted(Map<String, String> metadata) {
        return metadata == null ? Map.of() : new TreeMap<>(metadata);
    }
}
