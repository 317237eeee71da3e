package dev.orrery.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * One row of results in the making: starts a load, lets it warm up unmeasured, measures it, stops it, and tells
 * people on {@code progress} what happens and whether calls failed.
 *
 * @param system      the name of the row, such as {@code orrery} or {@code orrery-locate+call}
 * @param transport   such as {@code tcp}
 * @param payload     bytes per request
 * @param concurrency calls in flight at once
 * @param warmup      how long calls run before the measurement; they are not counted
 * @param duration    how long the measurement lasts
 */
record Measurement(String system, String transport, int payload, int concurrency, Duration warmup,
                   Duration duration) {

    /** How long callers may take to return after the stop: longer than Orrery's default 5 s deadline. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Runs the load through warm-up and measurement.
     *
     * @param start    starts the load, given where its latencies and failures go
     * @param progress where to tell people what is happening
     * @return the measurement
     * @throws InterruptedException when interrupted
     */
    RpcResult run(Function<LatencyRecorder, Load> start, PrintWriter progress) throws InterruptedException {
        return run(start, () -> { }, progress);
    }

    /**
     * Runs the load through warm-up and measurement, saying when the measurement begins: it ends when this
     * method returns.
     *
     * @param start     starts the load, given where its latencies and failures go
     * @param measuring runs as the measurement begins, such as a reading of a server's CPU time
     * @param progress  where to tell people what is happening
     * @return the measurement
     * @throws InterruptedException when interrupted
     */
    RpcResult run(Function<LatencyRecorder, Load> start, Runnable measuring, PrintWriter progress)
            throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        LatencyRecorder.Interval warm;
        LatencyRecorder.Interval measured;
        long elapsed;
        Load load = start.apply(recorder);
        try {
            progress.print("warming up " + DurationConverter.format(warmup) + "… ");
            progress.flush();
            Thread.sleep(warmup);
            warm = recorder.interval();
            measuring.run();
            long begin = System.nanoTime();
            progress.print("measuring " + DurationConverter.format(duration) + "… ");
            progress.flush();
            Thread.sleep(duration);
            measured = recorder.interval();
            elapsed = System.nanoTime() - begin;
        } finally {
            load.stop(STOP_TIMEOUT);
        }
        RpcResult result = RpcResult.of(this, measured, elapsed);
        report(result, warm, progress);
        return result;
    }

    /**
     * Tells people the outcome of a measurement, and loudly whether calls failed.
     *
     * @param result the measurement
     * @param warm   what its warm-up recorded
     * @param progress where to tell them
     */
    static void report(RpcResult result, LatencyRecorder.Interval warm, PrintWriter progress) {
        progress.println(String.format(Locale.ROOT, "%,.0f calls/s, p50 %.1f µs, p99 %.1f µs",
                result.callsPerSec(), result.p50Us(), result.p99Us()));
        if (warm.errors() > 0) {
            progress.println("!! " + warm.errors() + " calls FAILED during warm-up; first failure: "
                    + warm.firstError());
        }
        if (result.errors() > 0) {
            progress.println(ResultTable.failureLine(result));
        }
        progress.flush();
    }
}
