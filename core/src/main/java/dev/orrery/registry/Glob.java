package dev.orrery.registry;

import dev.orrery.OrreryException;
import dev.orrery.Status;

/**
 * A pattern of service names: {@code *} matches any run of characters (dots included), {@code ?} any one
 * character, and every other character itself. {@code demo.*} matches {@code demo.echo} and
 * {@code demo.kv.admin}; {@code demo.e?ho} matches {@code demo.echo}.
 *
 * @param pattern the pattern; {@code null} or empty means {@code *}
 */
public record Glob(String pattern) {

    /** The longest pattern accepted. */
    public static final int MAX_LENGTH = 256;

    /** The pattern that matches every name. */
    public static final Glob ALL = new Glob("*");

    /**
     * Checks the pattern.
     *
     * @param pattern the pattern; {@code null} or empty means {@code *}
     * @throws OrreryException with {@link Status#INVALID_ARGUMENT} when it is longer than {@value #MAX_LENGTH}
     */
    public Glob {
        if (pattern == null || pattern.isEmpty()) {
            pattern = "*";
        }
        if (pattern.length() > MAX_LENGTH) {
            throw new OrreryException(Status.INVALID_ARGUMENT, "a glob has at most " + MAX_LENGTH
                    + " characters, got " + pattern.length() + ": '" + Names.abbreviate(pattern) + "'");
        }
    }

    /**
     * A glob.
     *
     * @param pattern such as {@code demo.*}; {@code null} or empty means {@code *}
     * @return the glob
     */
    public static Glob of(String pattern) {
        return new Glob(pattern);
    }

    /**
     * Whether a name matches, in time proportional to the product of the lengths at worst, without recursion.
     *
     * @param name such as {@code demo.echo}
     * @return true when the whole name matches the whole pattern
     */
    public boolean matches(String name) {
        int p = 0;
        int n = 0;
        int star = -1;
        int resume = 0;
        while (n < name.length()) {
            char c = p < pattern.length() ? pattern.charAt(p) : 0;
            if (p < pattern.length() && c == '*') {
                // Let the star match nothing first; widen it by one character each time the rest fails.
                star = p++;
                resume = n;
            } else if (p < pattern.length() && (c == '?' || c == name.charAt(n))) {
                p++;
                n++;
            } else if (star >= 0) {
                p = star + 1;
                n = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
