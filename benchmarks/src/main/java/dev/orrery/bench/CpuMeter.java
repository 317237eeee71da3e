package dev.orrery.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The CPU time that a set of processes use over an interval, as a percentage of one core: 200 means two cores
 * busy all along. On Linux each process's CPU time is its user and system time from {@code /proc/PID/stat}, which
 * counts in clock ticks (10 ms), so an interval of a second is read to about 1 %.
 *
 * <p>One thread starts and stops a meter.
 */
final class CpuMeter {

    /** This process's CPU time. */
    static final Supplier<Optional<Duration>> THIS_PROCESS = () -> ProcessHandle.current().info().totalCpuDuration();

    private final List<Supplier<Optional<Duration>>> clocks;
    private long startNanos;
    private Optional<Duration> startCpu = Optional.empty();
    private double percent = Double.NaN;

    /**
     * @param clocks the CPU time of each process that counts, such as {@link #THIS_PROCESS} and
     *               {@link ServerProcess#cpuTime()}
     */
    CpuMeter(List<Supplier<Optional<Duration>>> clocks) {
        this.clocks = List.copyOf(clocks);
    }

    /** Begins the interval. */
    void start() {
        startCpu = total();
        startNanos = System.nanoTime();
    }

    /** Ends the interval; {@link #percent()} then tells the CPU used over it. */
    void stop() {
        long elapsed = System.nanoTime() - startNanos;
        Optional<Duration> endCpu = total();
        percent = startCpu.isPresent() && endCpu.isPresent() && elapsed > 0
                ? 100.0 * endCpu.get().minus(startCpu.get()).toNanos() / elapsed
                : Double.NaN;
    }

    /**
     * The CPU time used between {@link #start()} and {@link #stop()}, over that time.
     *
     * @return a percentage of one core, or NaN when the operating system does not tell a process's CPU time
     */
    double percent() {
        return percent;
    }

    /** The sum of every clock, or empty when one of them cannot be read. */
    private Optional<Duration> total() {
        Duration sum = Duration.ZERO;
        for (Supplier<Optional<Duration>> clock : clocks) {
            Optional<Duration> time = clock.get();
            if (time.isEmpty()) {
                return Optional.empty();
            }
            sum = sum.plus(time.get());
        }
        return Optional.of(sum);
    }
}
