package dev.orrery.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one subscriber of {@code bench pubsub} receives: the latency of every message from publish to handler, the
 * messages missing from the publisher's numbering, and messages of the wrong size; handed out by interval, as the
 * bench process asks.
 *
 * <p>One thread at a time calls {@link #arrived}: the subscriber's handler, which each system runs one message
 * after the other. Another thread calls {@link #cut()}.
 */
final class Deliveries {

    private final int payload;
    private final LatencyRecorder recorder = new LatencyRecorder();
    private final CountDownLatch first = new CountDownLatch(1);
    private final AtomicLong missing = new AtomicLong();
    /** The handler's thread's. */
    private long lastSequence;
    /** The cutting thread's. */
    private long intervalStart = System.nanoTime();

    /**
     * @param payload the size every message should have
     */
    Deliveries(int payload) {
        this.payload = payload;
    }

    /**
     * Records a message, from the fields at its head.
     *
     * @param nanos    the publisher's {@link System#nanoTime()} as it published
     * @param sequence its number
     * @param length   its size in bytes
     */
    void arrived(long nanos, long sequence, int length) {
        long latency = System.nanoTime() - nanos;
        if (length != payload) {
            recorder.failure(new IllegalStateException("a message of " + length + " bytes arrived where "
                    + payload + " were published"));
            return;
        }
        recorder.success(latency);
        if (lastSequence > 0 && sequence > lastSequence + 1) {
            missing.addAndGet(sequence - lastSequence - 1);
        }
        lastSequence = sequence;
        first.countDown();
    }

    /**
     * Records a message.
     *
     * @param message its bytes, laid out as {@link TopicMessage} says
     */
    void arrived(byte[] message) {
        arrived(TopicMessage.nanos(message), TopicMessage.sequence(message), message.length);
    }

    /**
     * Waits for the first message.
     *
     * @param timeout how long it may take
     * @return whether it came in time
     * @throws InterruptedException when interrupted
     */
    boolean awaitFirst(Duration timeout) throws InterruptedException {
        return first.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * What arrived since the previous cut, or since this subscriber began.
     *
     * @return the interval
     */
    TopicInterval cut() {
        LatencyRecorder.Interval interval = recorder.interval();
        long now = System.nanoTime();
        long elapsed = now - intervalStart;
        intervalStart = now;
        return TopicInterval.of(interval, elapsed, missing.getAndSet(0));
    }
}
