package dev.orrery.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The layout of a message of {@code bench pubsub}, the same for every system: the publisher's
 * {@link System#nanoTime()} as it publishes, in 8 bytes, then the message's number from 1 in 8 bytes, then ASCII
 * letters up to the payload size. Both longs are little-endian. On Linux {@code nanoTime} reads
 * {@code CLOCK_MONOTONIC}, which every process of one host shares, so a subscriber subtracts it from its own
 * clock to get the latency from publish to handler.
 */
final class TopicMessage {

    /** The bytes of the time and the number, the smallest payload. */
    static final int HEADER = 2 * Long.BYTES;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private TopicMessage() {
    }

    /**
     * A message to stamp and publish again and again.
     *
     * @param payload its size in bytes, at least {@link #HEADER}
     * @return the bytes
     */
    static byte[] create(int payload) {
        return EchoMethod.asciiPayload(payload);
    }

    /**
     * Writes the time and the number at the head of a message.
     *
     * @param message  the message
     * @param nanos    {@link System#nanoTime()} now
     * @param sequence its number
     */
    static void stamp(byte[] message, long nanos, long sequence) {
        LONGS.set(message, 0, nanos);
        LONGS.set(message, Long.BYTES, sequence);
    }

    /**
     * @param message a message
     * @return the publisher's time at its head
     */
    static long nanos(byte[] message) {
        return (long) LONGS.get(message, 0);
    }

    /**
     * @param message a message
     * @return its number
     */
    static long sequence(byte[] message) {
        return (long) LONGS.get(message, Long.BYTES);
    }
}
