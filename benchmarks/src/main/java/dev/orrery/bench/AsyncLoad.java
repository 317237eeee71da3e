package dev.orrery.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Closed-loop load without a thread per call: {@code concurrency} chains of asynchronous calls, each chain
 * starting its next call from the completion of the previous one, so {@code concurrency} calls stay in flight.
 *
 * <p>A completion may run inline inside {@link AsyncCall#start}, as when a call fails at once, or completes on the
 * thread that started it: the next call of the chain then starts on a virtual thread of its own, so that a chain
 * of instant failures does not recurse.
 */
final class AsyncLoad implements Load {

    /** One asynchronous round trip. */
    @FunctionalInterface
    interface AsyncCall {
        /**
         * Starts a call.
         *
         * @param done told {@code null} when the call succeeded and its answer is right, or the failure
         */
        void start(Consumer<Throwable> done);
    }

    /** Set on a thread while it starts a call: a completion that finds it set runs inside that start. */
    private static final ThreadLocal<Boolean> STARTING = new ThreadLocal<>();

    private final AsyncCall call;
    private final LatencyRecorder recorder;
    private final CountDownLatch chainsEnded;
    private volatile boolean running = true;

    private AsyncLoad(int concurrency, AsyncCall call, LatencyRecorder recorder) {
        this.call = call;
        this.recorder = recorder;
        this.chainsEnded = new CountDownLatch(concurrency);
    }

    /**
     * Starts the chains of calls.
     *
     * @param concurrency the calls in flight at once
     * @param call        what each chain repeats
     * @param recorder    where latencies and failures go
     * @return the running load
     */
    static AsyncLoad start(int concurrency, AsyncCall call, LatencyRecorder recorder) {
        AsyncLoad load = new AsyncLoad(concurrency, call, recorder);
        for (int i = 0; i < concurrency; i++) {
            load.next();
        }
        return load;
    }

    private void next() {
        long start = System.nanoTime();
        STARTING.set(Boolean.TRUE);
        try {
            call.start(failure -> completed(start, failure));
        } catch (RuntimeException e) {
            // A call that cannot even start ends its chain; the failure is counted and reported.
            recorder.failure(e);
            chainsEnded.countDown();
        } finally {
            STARTING.remove();
        }
    }

    private void completed(long start, Throwable failure) {
        if (failure == null) {
            recorder.success(System.nanoTime() - start);
        } else {
            recorder.failure(failure);
        }
        if (running && STARTING.get() != null) {
            Thread.ofVirtual().name("async-load-next").start(this::next);
        } else if (running) {
            next();
        } else {
            chainsEnded.countDown();
        }
    }

    @Override
    public void stop(Duration timeout) throws InterruptedException {
        running = false;
        if (!chainsEnded.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException(chainsEnded.getCount() + " calls were still in flight "
                    + DurationConverter.format(timeout) + " after the stop");
        }
    }
}
