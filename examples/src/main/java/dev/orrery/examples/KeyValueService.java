package dev.orrery.examples;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The implementation of {@link KeyValue}, in memory. */
public final class KeyValueService implements KeyValue {
    private final ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>();

    @Override
    public String put(String key, String value) {
        requireKey(key);
        if (value == null) {
            throw new IllegalArgumentException("value must not be null; use delete to remove a key");
        }
        return map.put(key, value);
    }

    @Override
    public String get(String key) {
        requireKey(key);
        return map.get(key);
    }

    @Override
    public boolean delete(String key) {
        requireKey(key);
        return map.remove(key) != null;
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public Map<String, String> entries() {
        return new TreeMap<>(map);
    }

    private static void requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must be a non-empty string");
        }
    }
}
