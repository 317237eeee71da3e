package dev.orrery.console;

import java.time.Duration;

/**
 * Every limit and period of the console, in one place. {@link #DEFAULTS} is what {@link Console#start} uses; tests
 * start consoles with shorter periods.
 *
 * @param maxRequestBytes      the largest request body accepted; a larger one is answered 413
 * @param maxConcurrentCalls   requests handled at once, over all connections; more are answered 429
 * @param maxEventStreams      event streams open at once; more are answered 429
 * @param tick                 how often live pages receive the services snapshot
 * @param keepAlive            how often an idle event stream receives a comment, so dead peers are noticed
 * @param streamHighWaterBytes bytes queued to an event stream's peer above which events are dropped, not queued
 * @param streamLowWaterBytes  bytes queued below which events are sent again
 * @param slowClientTimeout    how long an event stream may stay above its high water mark before it is closed
 * @param gatewayDeadline      the deadline of a gateway call that does not name one
 * @param maxGatewayDeadline   the longest deadline a gateway call may name
 * @param defaultLogLines      log lines returned when a request names no limit
 * @param maxLogLines          the most log lines one request may ask for
 * @param logBacklog           log lines a live log stream starts with, unless the request names another count
 */
record ConsoleLimits(int maxRequestBytes, int maxConcurrentCalls, int maxEventStreams, Duration tick,
                     Duration keepAlive, int streamHighWaterBytes, int streamLowWaterBytes, Duration slowClientTimeout,
                     Duration gatewayDeadline, Duration maxGatewayDeadline, int defaultLogLines, int maxLogLines,
                     int logBacklog) {

    /** The limits of a console started with {@link Console#start}. */
    static final ConsoleLimits DEFAULTS = new ConsoleLimits(1 << 20, 256, 128, Duration.ofSeconds(1),
            Duration.ofSeconds(15), 256 * 1024, 64 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(10),
            Duration.ofMinutes(5), 200, 10_000, 200);

    /** Checks that the limits make sense together. */
    ConsoleLimits {
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("maxRequestBytes must be at least 1024, got " + maxRequestBytes);
        }
        if (maxConcurrentCalls < 1 || maxEventStreams < 1) {
            throw new IllegalArgumentException("maxConcurrentCalls and maxEventStreams must be positive, got "
                    + maxConcurrentCalls + " and " + maxEventStreams);
        }
        if (streamLowWaterBytes <= 0 || streamHighWaterBytes <= streamLowWaterBytes) {
            throw new IllegalArgumentException("the stream water marks must satisfy 0 < low < high, got low "
                    + streamLowWaterBytes + " and high " + streamHighWaterBytes);
        }
        requirePositive(tick, "tick");
        requirePositive(keepAlive, "keepAlive");
        requirePositive(slowClientTimeout, "slowClientTimeout");
        requirePositive(gatewayDeadline, "gatewayDeadline");
        if (maxGatewayDeadline.compareTo(gatewayDeadline) < 0) {
            throw new IllegalArgumentException("maxGatewayDeadline must not be shorter than gatewayDeadline");
        }
        if (defaultLogLines < 1 || maxLogLines < defaultLogLines || logBacklog < 0 || logBacklog > maxLogLines) {
            throw new IllegalArgumentException("log line counts must satisfy 1 <= default <= max and "
                    + "0 <= backlog <= max, got default " + defaultLogLines + ", max " + maxLogLines
                    + ", backlog " + logBacklog);
        }
    }

    /**
     * The same limits with another tick, for tests that want live pages to move faster.
     *
     * @param value the tick
     * @return the limits
     */
    ConsoleLimits withTick(Duration value) {
        return new ConsoleLimits(maxRequestBytes, maxConcurrentCalls, maxEventStreams, value, keepAlive,
                streamHighWaterBytes, streamLowWaterBytes, slowClientTimeout, gatewayDeadline, maxGatewayDeadline,
                defaultLogLines, maxLogLines, logBacklog);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }
}
