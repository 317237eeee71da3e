package dev.orrery.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A route's path, such as {@code /api/services/{name}/history}: literal segments, and {@code {name}} segments that
 * match any one non-empty segment.
 */
final class PathPattern {

    private final String text;
    private final List<String> segments;

    private PathPattern(String text, List<String> segments) {
        this.text = text;
        this.segments = segments;
    }

    /**
     * Reads a pattern.
     *
     * @param text such as {@code /api/services/{name}}
     * @return the pattern
     */
    static PathPattern of(String text) {
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("a path pattern starts with /, got " + text);
        }
        return new PathPattern(text, segments(text));
    }

    /**
     * Matches a path.
     *
     * @param path a decoded request path
     * @return the values of the named segments, or {@code null} when the path does not match
     */
    Map<String, String> match(String path) {
        List<String> parts = segments(path);
        if (parts.size() != segments.size()) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String expected = segments.get(i);
            String actual = parts.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (actual.isEmpty()) {
                    return null;
                }
                values.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return null;
            }
        }
        return values;
    }

    private static List<String> segments(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.equals("/") ? List.of() : List.of(trimmed.substring(1).split("/", -1));
    }

    @Override
    public String toString() {
        return text;
    }
}
