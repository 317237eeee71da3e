package dev.orrery.bench;

import java.time.Duration;

/**
 * Closed-loop load from one thread over an {@link EchoPipe}: it keeps {@code concurrency} requests outstanding,
 * sending the next as soon as an echo comes back, and times each request from its send to its echo. With one
 * outstanding it is plain ping-pong. This is how a peer without calls of its own is driven: a message pipe is
 * used by one thread, so requests are matched to their echoes by a number in the message, not by a thread
 * waiting for each.
 */
final class PipelinedPing implements Load {

    /** How long echoes may take to come back after the stop: less than {@link Measurement#STOP_TIMEOUT}. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final EchoPipe pipe;
    private final int concurrency;
    private final LatencyRecorder recorder;
    private final Thread thread;
    private volatile boolean running = true;

    private PipelinedPing(String name, EchoPipe pipe, int concurrency, LatencyRecorder recorder) {
        this.pipe = pipe;
        this.concurrency = concurrency;
        this.recorder = recorder;
        this.thread = Thread.ofPlatform().name(name + "-ping").daemon(true).unstarted(this::loop);
    }

    /**
     * Starts the sending thread.
     *
     * @param name        the prefix of the thread's name
     * @param pipe        the pipe; the load's thread owns it until the load stops
     * @param concurrency the requests to keep outstanding
     * @param recorder    where latencies and failures go
     * @return the running load
     */
    static PipelinedPing start(String name, EchoPipe pipe, int concurrency, LatencyRecorder recorder) {
        PipelinedPing load = new PipelinedPing(name, pipe, concurrency, recorder);
        load.thread.start();
        return load;
    }

    /**
     * Room for a window of outstanding requests, indexed by their number.
     *
     * @param concurrency the requests outstanding at most
     * @return the smallest power of two not below it
     */
    static int slots(int concurrency) {
        return concurrency <= 1 ? 1 : Integer.highestOneBit(concurrency - 1) << 1;
    }

    /** The load's thread: sends while fewer than {@code concurrency} are outstanding, then takes an echo. */
    private void loop() {
        long[] sentAt = new long[slots(concurrency)];
        int mask = sentAt.length - 1;
        long next = 1;
        long expected = 1;
        long drainDeadline = 0;
        try {
            while (true) {
                boolean sending = running;
                while (sending && next - expected < concurrency) {
                    long now = System.nanoTime();
                    if (!pipe.send(next)) {
                        break;
                    }
                    sentAt[(int) (next & mask)] = now;
                    next++;
                }
                if (!sending) {
                    if (next == expected) {
                        return;
                    }
                    drainDeadline = drainDeadline != 0 ? drainDeadline : System.nanoTime() + DRAIN.toNanos();
                }
                long echoed = next == expected ? -1 : pipe.receive();
                if (echoed < 0) {
                    if (!sending && System.nanoTime() - drainDeadline > 0) {
                        throw new IllegalStateException((next - expected) + " requests got no echo within "
                                + DurationConverter.format(DRAIN) + " of the stop");
                    }
                    Thread.onSpinWait();
                    continue;
                }
                if (echoed != expected) {
                    throw new IllegalStateException("the echo of request " + echoed + " came while that of "
                            + expected + " was expected");
                }
                recorder.success(System.nanoTime() - sentAt[(int) (echoed & mask)]);
                expected++;
            }
        } catch (RuntimeException e) {
            // The pipe is broken or out of step: one failure is recorded and the load ends, loudly in the report.
            recorder.failure(e);
        }
    }

    @Override
    public void stop(Duration timeout) throws InterruptedException {
        running = false;
        if (!thread.join(timeout)) {
            throw new IllegalStateException("requests were still outstanding " + DurationConverter.format(timeout)
                    + " after the stop");
        }
    }
}
