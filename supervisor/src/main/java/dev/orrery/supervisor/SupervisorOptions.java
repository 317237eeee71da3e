package dev.orrery.supervisor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a {@link Supervisor} runs, beyond its config file: what embeds it decides these.
 *
 * @param clock            the clock of autoscaling windows; tests pass one they advance by hand
 * @param sampleInterval   how often workers are measured, history is sampled and autoscaling decides
 * @param reportInterval   how often workers report their calls
 * @param workerJvmOptions options added to every worker's JVM, before the group's own
 * @param registry         where the supervisor publishes its metrics, such as a Prometheus registry
 * @param journal          where the supervisor tells what it does, a line at a time, such as stdout
 */
public record SupervisorOptions(InstantSource clock, Duration sampleInterval, Duration reportInterval,
                                List<String> workerJvmOptions, MeterRegistry registry, Consumer<String> journal) {

    /** Checks and copies. */
    public SupervisorOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(journal, "journal");
        if (sampleInterval.isNegative() || sampleInterval.isZero()) {
            throw new IllegalArgumentException("sampleInterval must be positive: " + sampleInterval);
        }
        if (reportInterval.isNegative() || reportInterval.isZero()) {
            throw new IllegalArgumentException("reportInterval must be positive: " + reportInterval);
        }
        workerJvmOptions = List.copyOf(workerJvmOptions);
    }

    /**
     * The defaults: the system clock, samples and reports once a second, metrics kept in memory only, the
     * journal dropped.
     *
     * @return the defaults
     */
    public static SupervisorOptions defaults() {
        return new SupervisorOptions(InstantSource.system(), Duration.ofSeconds(1), Duration.ofSeconds(1),
                List.of(), new SimpleMeterRegistry(), line -> { });
    }

    /** @param value the autoscaling clock @return a copy with it */
    public SupervisorOptions withClock(InstantSource value) {
        return new SupervisorOptions(value, sampleInterval, reportInterval, workerJvmOptions, registry, journal);
    }

    /** @param value the sample interval @return a copy with it */
    public SupervisorOptions withSampleInterval(Duration value) {
        return new SupervisorOptions(clock, value, reportInterval, workerJvmOptions, registry, journal);
    }

    /** @param value the report interval @return a copy with it */
    public SupervisorOptions withReportInterval(Duration value) {
        return new SupervisorOptions(clock, sampleInterval, value, workerJvmOptions, registry, journal);
    }

    /** @param value options of every worker JVM @return a copy with them */
    public SupervisorOptions withWorkerJvmOptions(List<String> value) {
        return new SupervisorOptions(clock, sampleInterval, reportInterval, value, registry, journal);
    }

    /** @param value the metrics registry @return a copy with it */
    public SupervisorOptions withRegistry(MeterRegistry value) {
        return new SupervisorOptions(clock, sampleInterval, reportInterval, workerJvmOptions, value, journal);
    }

    /** @param value where the journal goes @return a copy with it */
    public SupervisorOptions withJournal(Consumer<String> value) {
        return new SupervisorOptions(clock, sampleInterval, reportInterval, workerJvmOptions, registry, value);
    }
}
