package dev.orrery.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * What a child of {@code bench pubsub} tells the bench process about one interval, as one line of JSON: a
 * subscriber the messages it received, with their latencies, the numbers it missed and the messages it could not
 * take; the publisher the messages it published and the publishes that failed.
 *
 * @param count        messages received, or published
 * @param elapsedNanos how long the interval lasted, by the child's clock
 * @param missing      numbers missing from the publisher's sequence: messages lost on the way
 * @param errors       messages of the wrong size, or publishes that failed
 * @param firstError   the first of those, or {@code null}
 * @param latencies    from publish to handler, in nanoseconds; empty for the publisher
 */
record TopicInterval(long count, long elapsedNanos, long missing, long errors, String firstError,
                     Histogram latencies) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * A subscriber's interval, whose count is that of its latencies.
     *
     * @param interval     what its recorder saw
     * @param elapsedNanos how long it lasted
     * @param missing      numbers missing from the publisher's sequence
     * @return the interval
     */
    static TopicInterval of(LatencyRecorder.Interval interval, long elapsedNanos, long missing) {
        return of(interval.latencies().getTotalCount(), interval, elapsedNanos, missing);
    }

    /**
     * An interval.
     *
     * @param count        messages received, or published
     * @param interval     what the child's recorder saw
     * @param elapsedNanos how long it lasted
     * @param missing      numbers missing from the publisher's sequence
     * @return the interval
     */
    static TopicInterval of(long count, LatencyRecorder.Interval interval, long elapsedNanos, long missing) {
        return new TopicInterval(count, elapsedNanos, missing, interval.errors(),
                interval.firstError() == null ? null : String.valueOf(interval.firstError()), interval.latencies());
    }

    /**
     * @return messages a second over the interval, 0 when it lasted no time
     */
    double perSecond() {
        return elapsedNanos <= 0 ? 0 : count * 1e9 / elapsedNanos;
    }

    /**
     * The interval as one line of JSON, its latencies as a compressed HdrHistogram in Base64.
     *
     * @return the line, without its line break
     */
    String format() {
        ByteBuffer buffer = ByteBuffer.allocate(latencies.getNeededByteBufferCapacity());
        int length = latencies.encodeIntoCompressedByteBuffer(buffer);
        try {
            return MAPPER.writeValueAsString(MAPPER.createObjectNode()
                    .put("count", count)
                    .put("elapsed_nanos", elapsedNanos)
                    .put("missing", missing)
                    .put("errors", errors)
                    .put("first_error", firstError)
                    .put("latencies", Base64.getEncoder().encodeToString(
                            Arrays.copyOf(buffer.array(), length))));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write an interval as JSON", e);
        }
    }

    /**
     * Reads an interval written by {@link #format()}.
     *
     * @param line the JSON
     * @return the interval
     * @throws IOException when the line is not such an interval
     */
    static TopicInterval parse(String line) throws IOException {
        JsonNode row = MAPPER.readTree(line);
        for (String key : new String[] {"count", "elapsed_nanos", "missing", "errors", "latencies"}) {
            if (!row.hasNonNull(key)) {
                throw new IOException("a pubsub child's interval has no " + key + ": " + line);
            }
        }
        Histogram latencies;
        try {
            latencies = Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(row.get("latencies").asText())), 0);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IOException("a pubsub child's interval has latencies that do not decode: " + e, e);
        }
        return new TopicInterval(row.get("count").asLong(), row.get("elapsed_nanos").asLong(),
                row.get("missing").asLong(), row.get("errors").asLong(),
                row.hasNonNull("first_error") ? row.get("first_error").asText() : null, latencies);
    }
}
