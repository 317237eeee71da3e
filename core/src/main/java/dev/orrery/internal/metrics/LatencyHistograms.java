package dev.orrery.internal.metrics;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * The one shape of Orrery's latency histograms, and their encoding: nanoseconds, two significant digits (each
 * value within 1 %), growing to the largest value recorded, so that a method whose calls take microseconds
 * holds a few kilobytes.
 */
public final class LatencyHistograms {
    /** Values within 1 %: enough for p99.9, in several times less memory than three digits take. */
    public static final int SIGNIFICANT_DIGITS = 2;

    private static final byte[] EMPTY = new byte[0];

    private LatencyHistograms() {
    }

    /** @return an empty histogram of nanoseconds that grows as values need */
    public static Histogram create() {
        return new Histogram(SIGNIFICANT_DIGITS);
    }

    /**
     * HdrHistogram's compressed encoding of a histogram; nothing for an empty one.
     *
     * @param histogram the histogram
     * @return its encoding, or an empty array when it holds no value
     */
    public static byte[] encode(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return EMPTY;
        }
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Arrays.copyOf(buffer.array(), length);
    }

    /**
     * Decodes what {@link #encode} wrote, or any of HdrHistogram's compressed encodings.
     *
     * @param encoded the bytes; empty for an empty histogram
     * @return a new histogram that grows as values added to it need
     * @throws IllegalArgumentException when the bytes are not a compressed histogram
     */
    public static Histogram decode(byte[] encoded) {
        if (encoded.length == 0) {
            return create();
        }
        Histogram histogram;
        try {
            histogram = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(encoded), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not an HdrHistogram compressed histogram (" + encoded.length
                    + " bytes): " + e.getMessage(), e);
        }
        histogram.setAutoResize(true);
        return histogram;
    }
}
