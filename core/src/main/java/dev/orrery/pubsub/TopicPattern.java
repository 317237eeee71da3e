package dev.orrery.pubsub;

import dev.orrery.OrreryException;
import dev.orrery.Status;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a subscription listens to: a topic name, or a pattern of topic names. Topic names are dotted segments of
 * letters, digits, {@code _} and {@code -}, such as {@code market.fx.eurusd}, at most {@value #MAX_LENGTH}
 * characters. In a pattern, a segment {@code *} stands for exactly one segment ({@code market.*.eurusd}), and a
 * last segment {@code >} for one or more ({@code market.>} matches {@code market.fx} and
 * {@code market.fx.eurusd}, not {@code market}).
 *
 * @param text     the pattern as written
 * @param segments its segments
 */
public record TopicPattern(String text, List<String> segments) {

    /** The longest topic name or pattern. */
    public static final int MAX_LENGTH = 255;
    /** The segment that matches exactly one segment. */
    public static final String ONE = "*";
    /** The last segment that matches one or more segments. */
    public static final String REST = ">";

    /** The rule for names in words, for messages that tell the user what is allowed. */
    public static final String TOPIC_RULE = "a topic is dotted segments of letters, digits, '_' and '-', at most "
            + MAX_LENGTH + " characters, such as market.fx.eurusd";

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]+");

    /**
     * Validates the parts.
     *
     * @param text     the pattern as written
     * @param segments its segments
     */
    public TopicPattern {
        segments = List.copyOf(segments);
    }

    /**
     * Checks a topic name, which has no wildcard.
     *
     * @param topic the text
     * @return the topic
     * @throws OrreryException with {@link Status#INVALID_ARGUMENT} when it does not follow the rule, saying it
     */
    public static String checkTopic(String topic) {
        String[] segments = split(topic, "topic", TOPIC_RULE);
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw invalid("topic", topic, segment.equals(ONE) || segment.equals(REST)
                        ? "wildcards belong in subscriptions, not in the topic a message is published to; "
                                + TOPIC_RULE
                        : TOPIC_RULE);
            }
        }
        return topic;
    }

    /**
     * Parses a pattern.
     *
     * @param pattern such as {@code market.fx.*} or {@code market.>}
     * @return the pattern
     * @throws OrreryException with {@link Status#INVALID_ARGUMENT} when it is not a valid pattern, saying why
     */
    public static TopicPattern of(String pattern) {
        String rule = "a pattern is a topic whose segments may also be '" + ONE + "' (one segment) or, last, '"
                + REST + "' (one or more); " + TOPIC_RULE;
        String[] segments = split(pattern, "pattern", rule);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(REST) && !last) {
                throw invalid("pattern", pattern, "'" + REST + "' may only be the last segment; " + rule);
            }
            if (!segment.equals(ONE) && !segment.equals(REST) && !SEGMENT.matcher(segment).matches()) {
                throw invalid("pattern", pattern, rule);
            }
        }
        return new TopicPattern(pattern, Arrays.asList(segments));
    }

    /**
     * Whether a topic is one this pattern stands for.
     *
     * @param topic a valid topic name
     * @return true when it matches
     */
    public boolean matches(String topic) {
        int start = 0;
        for (String expected : segments) {
            if (start > topic.length()) {
                // The topic has fewer segments than the pattern.
                return false;
            }
            if (expected.equals(REST)) {
                return start < topic.length();
            }
            int end = topic.indexOf('.', start);
            int stop = end < 0 ? topic.length() : end;
            if (!expected.equals(ONE) && (stop - start != expected.length()
                    || !topic.regionMatches(start, expected, 0, expected.length()))) {
                return false;
            }
            start = stop + 1;
        }
        // Every segment of the topic was matched, none is left.
        return start == topic.length() + 1;
    }

    /**
     * Whether this pattern is a plain topic name, which matches only itself.
     *
     * @return true when no segment is a wildcard
     */
    public boolean isLiteral() {
        return !segments.contains(ONE) && !segments.contains(REST);
    }

    @Override
    public String toString() {
        return text;
    }

    private static String[] split(String text, String what, String rule) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            throw invalid(what, text, rule);
        }
        // -1 keeps empty segments, so that "a..b" and "a." are refused rather than quietly mended.
        return text.split("\\.", -1);
    }

    private static OrreryException invalid(String what, String text, String rule) {
        String shown = text == null ? "null" : "'" + (text.length() > 2 * MAX_LENGTH
                ? text.substring(0, 2 * MAX_LENGTH) + "..." : text) + "'";
        return new OrreryException(Status.INVALID_ARGUMENT, what + " " + shown + " is not valid: " + rule);
    }
}
