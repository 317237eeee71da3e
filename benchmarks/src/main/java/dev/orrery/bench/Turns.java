package dev.orrery.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Measures loads that are to be compared by turns: each warms up, then they take turns of at most a second, each
 * round starting with the next one, until each has run for the measurement's duration. Drift during the run (the
 * JIT compiler still at work, other processes on the machine) then weighs on each alike, where measuring one
 * after the other gives the later one a warmer JIT or a quieter machine. A difference of a microsecond in a
 * round trip of a hundred is only visible this way.
 */
final class Turns {

    /** The longest turn of {@code bench locate}. */
    static final Duration TURN = Duration.ofSeconds(1);

    private Turns() {
    }

    /**
     * A load to measure, with the row it becomes.
     *
     * @param measurement the row; its warm-up and duration are those of the load
     * @param start       starts the load, given where its latencies and failures go
     */
    record Contender(Measurement measurement, Function<LatencyRecorder, Load> start) {
    }

    /**
     * Warms up each load in turn, then measures them by turns.
     *
     * @param concurrency the concurrency of every contender, for the progress lines
     * @param contenders  the loads, in the order of the first round
     * @param longestTurn how long a turn may last, such as {@link #TURN}
     * @param progress    where to tell people what is happening
     * @return a result per contender, in their order
     * @throws InterruptedException when interrupted
     */
    static List<RpcResult> run(int concurrency, List<Contender> contenders, Duration longestTurn,
                               PrintWriter progress) throws InterruptedException {
        int count = contenders.size();
        List<LatencyRecorder> recorders = new ArrayList<>();
        List<LatencyRecorder.Interval> warm = new ArrayList<>();
        progress.print("c=" + concurrency + ": warming up");
        for (Contender contender : contenders) {
            Measurement measurement = contender.measurement();
            progress.print(" " + measurement.system() + " " + DurationConverter.format(measurement.warmup()) + "…");
            progress.flush();
            LatencyRecorder recorder = new LatencyRecorder();
            turn(contender, recorder, measurement.warmup());
            warm.add(recorder.interval());
            recorders.add(recorder);
        }
        Duration duration = contenders.getFirst().measurement().duration();
        long rounds = Math.max(1, -Math.floorDiv(-duration.toNanos(), longestTurn.toNanos()));
        Duration turn = duration.dividedBy(rounds);
        progress.print(" measuring each " + DurationConverter.format(duration) + " in turns of "
                + DurationConverter.format(Duration.ofMillis(Math.max(1, turn.toMillis()))) + "… ");
        progress.flush();
        long[] elapsed = new long[count];
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < count; k++) {
                int i = (round + k) % count;
                elapsed[i] += turn(contenders.get(i), recorders.get(i), turn);
            }
        }
        progress.println("done");
        List<RpcResult> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Measurement measurement = contenders.get(i).measurement();
            RpcResult result = RpcResult.of(measurement, recorders.get(i).interval(), elapsed[i]);
            progress.print(measurement.system() + " " + measurement.transport() + " c=" + concurrency + ": ");
            Measurement.report(result, warm.get(i), progress);
            results.add(result);
        }
        return results;
    }

    /** Runs a load for a while and stops it; returns how long it ran, stop included, in nanoseconds. */
    private static long turn(Contender contender, LatencyRecorder recorder, Duration length)
            throws InterruptedException {
        long begin = System.nanoTime();
        Load load = contender.start().apply(recorder);
        try {
            Thread.sleep(length);
        } finally {
            load.stop(Measurement.STOP_TIMEOUT);
        }
        return System.nanoTime() - begin;
    }
}
