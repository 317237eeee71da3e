package dev.orrery.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * One measurement: a system, a transport, a payload and a concurrency, warmed up and then measured.
 *
 * @param system      the system under measurement
 * @param transport   such as {@code tcp}
 * @param payload     bytes per request
 * @param concurrency calls in flight at once
 * @param method      the echo method called
 * @param warmup      how long calls run before the measurement; they are not counted
 * @param duration    how long the measurement lasts
 */
record RpcScenario(BenchSystem system, String transport, int payload, int concurrency, EchoMethod method,
                   Duration warmup, Duration duration) {

    /** How long callers may take to return after the stop: longer than Orrery's default 5 s deadline. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Connects to a server, runs the load through warm-up and measurement, and disconnects.
     *
     * @param port     the server's port on 127.0.0.1
     * @param progress where to tell people what is happening
     * @return the measurement
     * @throws InterruptedException when interrupted
     */
    RpcResult run(int port, PrintWriter progress) throws InterruptedException {
        progress.print(system.label() + " " + transport + " c=" + concurrency + ": connecting… ");
        progress.flush();
        try (EchoClient client = system.connect(port, concurrency, method, payload)) {
            LatencyRecorder recorder = new LatencyRecorder();
            LatencyRecorder.Interval warm;
            LatencyRecorder.Interval measured;
            long elapsed;
            Load load = client.start(concurrency, recorder);
            try {
                progress.print("warming up " + DurationConverter.format(warmup) + "… ");
                progress.flush();
                Thread.sleep(warmup);
                warm = recorder.interval();
                long start = System.nanoTime();
                progress.print("measuring " + DurationConverter.format(duration) + "… ");
                progress.flush();
                Thread.sleep(duration);
                measured = recorder.interval();
                elapsed = System.nanoTime() - start;
            } finally {
                load.stop(STOP_TIMEOUT);
            }
            RpcResult result = RpcResult.of(this, measured, elapsed);
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
            return result;
        }
    }
}
