package dev.orrery.supervisor.internal.toml;

import java.util.regex.Pattern;

/**
 * Where a value sits in a TOML document, written as a person would name it: {@code services.demo.max-workers},
 * {@code services.demo.classes[1]}, {@code services."demo.kv"}.
 *
 * <p>The text is the identity: a key that is not a bare key is shown in quotes, and an array index in brackets,
 * so that two different places never share a text.
 *
 * @param text the path as shown; empty for the document itself
 */
public record KeyPath(String text) {

    /** The document itself. */
    public static final KeyPath ROOT = new KeyPath("");

    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    /**
     * The path of a key in the table at this path.
     *
     * @param key the key, unescaped
     * @return the longer path
     */
    public KeyPath child(String key) {
        String shown = BARE_KEY.matcher(key).matches() ? key : quote(key);
        return new KeyPath(text.isEmpty() ? shown : text + "." + shown);
    }

    /**
     * The path of an element of the array at this path.
     *
     * @param index from 0
     * @return the longer path
     */
    public KeyPath element(int index) {
        return new KeyPath(text + "[" + index + "]");
    }

    /**
     * Whether this is the document itself.
     *
     * @return true for {@link #ROOT}
     */
    public boolean isRoot() {
        return text.isEmpty();
    }

    /**
     * A key as TOML would write it in a basic string.
     *
     * @param key any text
     * @return the key in double quotes, with quotes, backslashes and control characters escaped
     */
    public static String quote(String key) {
        StringBuilder quoted = new StringBuilder(key.length() + 2).append('"');
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format("\\u%04X", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
