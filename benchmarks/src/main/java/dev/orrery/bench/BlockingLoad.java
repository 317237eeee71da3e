package dev.orrery.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Closed-loop load from threads that each make one blocking call after another: {@code concurrency} threads,
 * so {@code concurrency} calls in flight.
 *
 * <p>One caller runs on a platform thread, as a plain sequential client does: a reply then wakes the caller
 * directly, where a virtual thread would first be scheduled onto a carrier (on 2 cores, Orrery c=1: 9.3k calls/s
 * on a platform thread, 7.4k on a virtual one). More callers run on virtual threads, which is how Orrery users
 * write concurrent blocking code, and which is far cheaper than as many platform threads (c=64: 185k calls/s on
 * virtual threads, 70k on platform threads).
 */
final class BlockingLoad implements Load {

    /** One blocking round trip. */
    @FunctionalInterface
    interface BlockingCall {
        /**
         * Makes one call and checks its answer.
         *
         * @throws Exception when the call fails or its answer is wrong
         */
        void call() throws Exception;
    }

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    private BlockingLoad() {
    }

    /**
     * Starts the callers.
     *
     * @param name        the prefix of the threads' names
     * @param concurrency the number of callers
     * @param call        what each caller repeats
     * @param recorder    where latencies and failures go
     * @return the running load
     */
    static BlockingLoad start(String name, int concurrency, BlockingCall call, LatencyRecorder recorder) {
        BlockingLoad load = new BlockingLoad();
        Thread.Builder builder = concurrency == 1
                ? Thread.ofPlatform().name(name + "-caller-", 0).daemon(true)
                : Thread.ofVirtual().name(name + "-caller-", 0);
        for (int i = 0; i < concurrency; i++) {
            load.threads.add(builder.start(() -> load.loop(call, recorder)));
        }
        return load;
    }

    private void loop(BlockingCall call, LatencyRecorder recorder) {
        while (running) {
            long start = System.nanoTime();
            try {
                call.call();
                recorder.success(System.nanoTime() - start);
            } catch (InterruptedException e) {
                recorder.failure(e);
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                recorder.failure(e);
            }
        }
    }

    @Override
    public void stop(Duration timeout) throws InterruptedException {
        running = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        int stuck = 0;
        for (Thread thread : threads) {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            if (!thread.join(Duration.ofMillis(left))) {
                stuck++;
            }
        }
        if (stuck > 0) {
            throw new IllegalStateException(stuck + " of " + threads.size()
                    + " callers were still inside a call " + DurationConverter.format(timeout) + " after the stop");
        }
    }
}
