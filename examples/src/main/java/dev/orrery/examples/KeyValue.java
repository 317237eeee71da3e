package dev.orrery.examples;

import dev.orrery.Idempotent;
import dev.orrery.Service;
import java.util.Map;

/** A map held by the serving node. */
@Service("demo.kv")
public interface KeyValue {

    /**
     * Stores a value.
     *
     * @param key   the key
     * @param value the value
     * @return the value it replaced, or {@code null}
     */
    @Idempotent
    String put(String key, String value);

    /**
     * Reads a value.
     *
     * @param key the key
     * @return the value, or {@code null}
     */
    @Idempotent
    String get(String key);

    /**
     * Removes a key.
     *
     * @param key the key
     * @return whether it was there
     */
    @Idempotent
    boolean delete(String key);

    /**
     * Counts the keys.
     *
     * @return how many keys are stored
     */
    @Idempotent
    int size();

    /**
     * A copy of everything stored.
     *
     * @return the entries
     */
    @Idempotent
    Map<String, String> entries();
}
