package dev.orrery.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The publisher thread of {@code bench pubsub}: stamps one reused message (see {@link TopicMessage}) and
 * publishes it again and again, at the pace the bench process sets: a trickle of one a millisecond while
 * subscribers join, as fast as the system takes them to measure the rate, then a fixed rate to measure the
 * latency. Paced sends keep to a schedule: a send that comes late is followed by the next at once, so the rate
 * holds when the system keeps up.
 */
final class PublishLoop {

    /** How the loop publishes. */
    enum Pace {
        /** One message a millisecond, while subscribers join. */
        TRICKLE,
        /** As fast as the system takes them. */
        FLOOD,
        /** At the rate given. */
        PACED
    }

    private static final long TRICKLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final TopicSource source;
    private final int payload;
    private final long pacedNanos;
    private final LongAdder published = new LongAdder();
    private final LatencyRecorder failures = new LatencyRecorder();
    private volatile Pace pace = Pace.TRICKLE;
    private volatile boolean running = true;
    private final BooleanSupplier isRunning = () -> running;
    private Thread thread;
    /** The cutting thread's. */
    private long intervalStart = System.nanoTime();

    /**
     * @param source  the system's publishing end
     * @param payload bytes per message
     * @param rate    messages a second when {@link Pace#PACED}
     */
    PublishLoop(TopicSource source, int payload, int rate) {
        this.source = source;
        this.payload = payload;
        this.pacedNanos = TimeUnit.SECONDS.toNanos(1) / rate;
    }

    /** Starts trickling, on a platform thread of its own. */
    void start() {
        thread = Thread.ofPlatform().name("bench-publisher").start(this::run);
    }

    /**
     * Changes the pace from the next message on.
     *
     * @param value the pace
     */
    void pace(Pace value) {
        pace = value;
    }

    /**
     * What was published since the previous cut, or since the start.
     *
     * @return the interval, with the publishes that failed
     */
    TopicInterval cut() {
        long count = published.sumThenReset();
        LatencyRecorder.Interval interval = failures.interval();
        long now = System.nanoTime();
        long elapsed = now - intervalStart;
        intervalStart = now;
        return TopicInterval.of(count, interval, elapsed, 0);
    }

    /**
     * Stops publishing and waits for the thread.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    void stop() throws InterruptedException {
        running = false;
        if (thread != null && !thread.join(ChildJvm.STOP_GRACE)) {
            System.err.println("warning: the publisher thread did not stop within "
                    + DurationConverter.format(ChildJvm.STOP_GRACE));
        }
    }

    /** The publisher thread, which owns the message and the schedule. */
    private void run() {
        byte[] message = TopicMessage.create(payload);
        long sequence = 0;
        long next = System.nanoTime();
        Pace was = pace;
        while (running) {
            Pace now = pace;
            if (now != was) {
                next = System.nanoTime();
                was = now;
            }
            if (now != Pace.FLOOD) {
                waitUntil(next);
                next += now == Pace.PACED ? pacedNanos : TRICKLE_NANOS;
            }
            TopicMessage.stamp(message, System.nanoTime(), sequence + 1);
            if (source.publish(message, failures, isRunning)) {
                sequence++;
                published.increment();
            }
        }
    }

    /** Parks until the time comes, or returns at once when it has passed: the schedule then catches up. */
    private void waitUntil(long deadline) {
        long left;
        while (running && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
