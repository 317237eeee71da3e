package dev.orrery.nameserver;

import dev.orrery.Endpoint;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.registry.InstanceSpec;
import dev.orrery.registry.Names;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** What the name server accepts, each refusal saying what is allowed. */
final class SpecRules {
    static final long MIN_TTL_MILLIS = 1_000;
    static final long MAX_TTL_MILLIS = 3_600_000;
    static final int MAX_ENDPOINTS = 16;
    static final int MAX_METADATA_ENTRIES = 64;
    static final int MAX_KEY_LENGTH = 128;
    static final int MAX_VALUE_LENGTH = 1024;
    static final int MAX_METADATA_BYTES = 16 * 1024;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_KEY_LENGTH + "}");

    private SpecRules() {
    }

    /**
     * Checks a registration.
     *
     * @param spec what a caller registers
     * @return the spec with its TTL resolved, its endpoints and metadata copied and immutable
     */
    static InstanceSpec check(InstanceSpec spec) {
        if (spec == null) {
            throw invalid("register needs an InstanceSpec: service, endpoints, metadata and ttlMillis");
        }
        String service = Names.checkServiceName(spec.service());
        List<String> endpoints = checkEndpoints(spec.endpoints());
        Map<String, String> metadata = checkMetadata(spec.metadata());
        return new InstanceSpec(service, endpoints, metadata, checkTtl(spec.ttlMillis()));
    }

    static long checkTtl(long ttlMillis) {
        if (ttlMillis == 0) {
            return InstanceSpec.DEFAULT_TTL_MILLIS;
        }
        if (ttlMillis < MIN_TTL_MILLIS || ttlMillis > MAX_TTL_MILLIS) {
            throw invalid("ttlMillis must be from " + MIN_TTL_MILLIS + " (1 s) to " + MAX_TTL_MILLIS
                    + " (1 h), or 0 for the default of " + InstanceSpec.DEFAULT_TTL_MILLIS + "; got " + ttlMillis);
        }
        return ttlMillis;
    }

    static List<String> checkEndpoints(List<String> endpoints) {
        int count = endpoints == null ? 0 : endpoints.size();
        if (count < 1 || count > MAX_ENDPOINTS) {
            throw invalid("an instance needs 1 to " + MAX_ENDPOINTS
                    + " endpoints, such as tcp://10.0.0.5:7070; got " + count);
        }
        List<String> checked = new ArrayList<>(count);
        for (String endpoint : endpoints) {
            try {
                checked.add(Endpoint.parse(endpoint).toString());
            } catch (IllegalArgumentException e) {
                throw new OrreryException(Status.INVALID_ARGUMENT, "endpoint " + (checked.size() + 1) + " is not "
                        + "valid: " + e.getMessage(), e);
            }
        }
        return List.copyOf(checked);
    }

    /**
     * Checks metadata.
     *
     * @param metadata string pairs
     * @return an immutable copy, sorted by key
     */
    static Map<String, String> checkMetadata(Map<String, String> metadata) {
        if (metadata == null) {
            throw invalid("metadata is required; pass an empty map for none");
        }
        if (metadata.size() > MAX_METADATA_ENTRIES) {
            throw invalid("metadata has " + metadata.size() + " entries; at most " + MAX_METADATA_ENTRIES
                    + " are allowed");
        }
        long bytes = 0;
        Map<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            if (key == null || !KEY.matcher(key).matches()) {
                throw invalid("metadata key " + quoted(key) + " is not valid: keys are 1 to " + MAX_KEY_LENGTH
                        + " characters of letters, digits, '.', '_' and '-'");
            }
            if (value == null || value.length() > MAX_VALUE_LENGTH) {
                throw invalid("the metadata value of '" + key + "' " + (value == null ? "is null" : "has "
                        + value.length() + " characters") + "; values are text of at most " + MAX_VALUE_LENGTH
                        + " characters");
            }
            bytes += key.length() + value.getBytes(StandardCharsets.UTF_8).length;
            copy.put(key, value);
        }
        if (bytes > MAX_METADATA_BYTES) {
            throw invalid("metadata keys and values take " + bytes + " bytes in UTF-8; at most "
                    + MAX_METADATA_BYTES + " (16 KiB) are allowed");
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Checks the filter of a locate.
     *
     * @param filter pairs every instance returned must have; {@code null} for none
     * @return the filter, never {@code null}
     */
    static Map<String, String> checkFilter(Map<String, String> filter) {
        if (filter == null) {
            return Map.of();
        }
        for (Map.Entry<String, String> entry : filter.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw invalid("a locate filter's keys and values must not be null; got " + quoted(entry.getKey())
                        + " = " + quoted(entry.getValue()));
            }
        }
        return filter;
    }

    /**
     * Checks that a required argument is there.
     *
     * @param value the argument
     * @param name  its name, for the message
     * @return the value
     */
    static String required(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw invalid(name + " is required");
        }
        return value;
    }

    static OrreryException invalid(String message) {
        return new OrreryException(Status.INVALID_ARGUMENT, message);
    }

    private static String quoted(String text) {
        if (text == null) {
            return "null";
        }
        return "'" + (text.length() > MAX_KEY_LENGTH ? text.substring(0, MAX_KEY_LENGTH) + "..." : text) + "'";
    }
}
