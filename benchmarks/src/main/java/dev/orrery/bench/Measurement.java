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
        Outcome outcome = measure(start, measuring, () -> { }, progress);
        report(outcome.result(), outcome.warm(), progress);
        return outcome.result();
    }

    /**
     * Runs the load through warm-up and measurement, and meters the CPU time used during the measurement.
     *
     * @param start    starts the load, given where its latencies and failures go
     * @param cpu      the processes whose CPU time counts, such as this one and the server child
     * @param progress where to tell people what is happening
     * @return the measurement, with its CPU time
     * @throws InterruptedException when interrupted
     */
    RpcResult run(Function<LatencyRecorder, Load> start, CpuMeter cpu, PrintWriter progress)
            throws InterruptedException {
        Outcome outcome = measure(start, cpu::start, cpu::stop, progress);
        RpcResult result = outcome.result().withCpuPercent(cpu.percent());
        report(result, outcome.warm(), progress);
        return result;
    }

    /**
     * Runs the load through warm-up and measurement without reporting the outcome.
     *
     * @param start    starts the load, given where its latencies and failures go
     * @param begins   runs as the measurement begins
     * @param ends     runs as the measurement ends, before the load stops
     * @param progress where to tell people what is happening
     * @return the measurement and what its warm-up recorded
     * @throws InterruptedException when interrupted
     */
    Outcome measure(Function<LatencyRecorder, Load> start, Runnable begins, Runnable ends, PrintWriter progress)
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
            begins.run();
            long begin = System.nanoTime();
            progress.print("measuring " + DurationConverter.format(duration) + "… ");
            progress.flush();
            Thread.sleep(duration);
            measured = recorder.interval();
            elapsed = System.nanoTime() - begin;
            ends.run();
        } finally {
            load.stop(STOP_TIMEOUT);
        }
        return new Outcome(RpcResult.of(this, measured, elapsed), warm);
    }

    /**
     * A measurement and its warm-up.
     *
     * @param result what was measured
     * @param warm   what the warm-up recorded, thrown away but for its failures
     */
    record Outcome(RpcResult result, LatencyRecorder.Interval warm) {
    }

    /**
     * Tells people the outcome of a measurement, and loudly whether calls failed.
     *
     * @param result the measurement
     * @param warm   what its warm-up recorded
     * @param progress where to tell them
     */
    static void report(RpcResult result, LatencyRecorder.Interval warm, PrintWriter progress) {
        report(result, warm.errors(), String.valueOf(warm.firstError()), progress);
    }

    /**
     * Tells people the outcome of a measurement, and loudly whether calls failed.
     *
     * @param result         the measurement
     * @param warmErrors     the calls that failed during its warm-up
     * @param warmFirstError the first of them
     * @param progress       where to tell them
     */
    static void report(RpcResult result, long warmErrors, String warmFirstError, PrintWriter progress) {
        progress.println(String.format(Locale.ROOT, "%,.0f calls/s, p50 %.1f µs, p99 %.1f µs",
                result.callsPerSec(), result.p50Us(), result.p99Us())
                + (Double.isNaN(result.cpuPercent()) ? ""
                        : String.format(Locale.ROOT, ", cpu %.0f %%", result.cpuPercent())));
        if (warmErrors > 0) {
            progress.println("!! " + warmErrors + " calls FAILED during warm-up; first failure: " + warmFirstError);
        }
        if (result.calls() == 0 && result.errors() == 0) {
            progress.println("!! " + result.system() + " " + result.transport() + " c=" + result.concurrency()
                    + ": no call completed during the measurement");
        }
        if (result.errors() > 0) {
            progress.println(ResultTable.failureLine(result));
        }
        progress.flush();
    }
}
