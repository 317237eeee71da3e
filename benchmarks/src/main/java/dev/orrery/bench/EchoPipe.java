package dev.orrery.bench;

import java.time.Duration;

/**
 * The client end of a peer's echo, as {@link PipelinedPing} drives it: numbered requests go out, and their echoes
 * come back in the order they were sent. Used by one thread only.
 */
interface EchoPipe extends AutoCloseable {

    /**
     * Sends request {@code sequence}: the payload with the number.
     *
     * @param sequence the request's number; 1 for the first, then each the next
     * @return false when the request cannot go now, because the way out is full or not open yet; it is sent again
     *         later
     * @throws IllegalStateException when the pipe failed for good
     */
    boolean send(long sequence);

    /**
     * Takes the next echo when one has arrived: at once for a pipe that is polled in a busy loop, within a short
     * wait for a pipe that blocks.
     *
     * @return the number of the request it echoes, or -1 when none has arrived yet
     * @throws IllegalStateException when the pipe failed for good, or the echo is not what was sent
     */
    long receive();

    /**
     * Makes request 0's round trip, so that connecting is not measured; {@link PipelinedPing} then numbers its
     * requests from 1.
     *
     * @param timeout how long the echo may take
     * @param peer    who answers, for the message when it does not
     * @throws IllegalStateException when the pipe failed, or the echo did not come in time
     */
    default void firstRoundTrip(Duration timeout, String peer) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean sent = false;
        while (!sent || receive() != 0) {
            sent = sent || send(0);
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(peer + " did not echo a first request within "
                        + DurationConverter.format(timeout));
            }
            Thread.onSpinWait();
        }
    }

    /** Releases the pipe; its load has stopped. */
    @Override
    void close();
}
