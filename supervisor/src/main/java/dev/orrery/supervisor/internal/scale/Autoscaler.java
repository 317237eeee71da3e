package dev.orrery.supervisor.internal.scale;

import dev.orrery.supervisor.ScaleDecision;
import dev.orrery.supervisor.ScalePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides when a service group gains, loses or replaces a worker, one {@link Load} sample at a time.
 *
 * <p>A sample is <em>hot</em> when the policy's metric (utilisation or slots in use) is at least {@code
 * upThreshold}, or CPU is at least {@code cpuThreshold}. It is <em>cold</em> when the metric is at most {@code
 * downThreshold} and CPU is at most {@code cpuThreshold × downThreshold / upThreshold}: CPU is held to the same
 * proportion as the metric, so that the workers left after a removal are not hot at once. A sample between the
 * two is neither, and ends both runs.
 *
 * <ul>
 *   <li>A worker is added when the samples have been hot for {@code upWindow}, from the first hot sample's instant
 *       to the latest's, and fewer than {@code maxWorkers} run.</li>
 *   <li>One is removed when they have been cold for {@code downWindow} and more than {@code minWorkers} run; a
 *       {@code downThreshold} of 0 never removes one.</li>
 *   <li>A worker whose resident memory is over the cap in two consecutive samples is replaced. That comes before
 *       scaling; a sample gives one decision at most.</li>
 * </ul>
 *
 * <p>Both runs start over after any decision, so that its effect is sampled before the next one; when the worker
 * count differs from the previous sample's; when more than the maximum gap passed since the previous sample, or
 * time went back; and while fewer than {@code minWorkers} run, which is for the restarts to mend, not for the
 * autoscaler. A sample that cannot lead to a decision (hot at {@code maxWorkers}, cold at {@code minWorkers})
 * does not extend a run either.
 *
 * <p>It reads no clock: the caller passes each sample's instant. Not thread-safe: the thread that samples the
 * group owns it.
 */
public final class Autoscaler {
    /** The longest time between two samples that keeps a run going, unless another is given. */
    public static final Duration DEFAULT_MAX_GAP = Duration.ofSeconds(5);

    private final String group;
    private final ScalePolicy policy;
    private final long memoryCapBytes;
    private final Duration maxGap;
    private final double coldCpu;
    private final Streak hot = new Streak();
    private final Streak cold = new Streak();
    private final MemoryWatch memory;
    private Instant previous;
    private int previousWorkers = -1;

    /**
     * Makes an autoscaler that allows {@link #DEFAULT_MAX_GAP} between samples.
     *
     * @param group          the group's name, for the decisions
     * @param policy         the group's scaling
     * @param memoryCapBytes the most resident memory a worker may hold; 0 or less replaces no worker
     */
    public Autoscaler(String group, ScalePolicy policy, long memoryCapBytes) {
        this(group, policy, memoryCapBytes, DEFAULT_MAX_GAP);
    }

    /**
     * Makes an autoscaler.
     *
     * @param group          the group's name, for the decisions
     * @param policy         the group's scaling
     * @param memoryCapBytes the most resident memory a worker may hold; 0 or less replaces no worker
     * @param maxGap         the longest time between two samples that keeps a run going
     * @throws IllegalArgumentException when the policy's figures contradict each other
     */
    public Autoscaler(String group, ScalePolicy policy, long memoryCapBytes, Duration maxGap) {
        this.group = Objects.requireNonNull(group, "group");
        this.policy = check(policy);
        this.memoryCapBytes = memoryCapBytes;
        this.maxGap = Objects.requireNonNull(maxGap, "maxGap");
        this.coldCpu = policy.cpuThreshold() * policy.downThreshold() / policy.upThreshold();
        this.memory = new MemoryWatch(memoryCapBytes);
    }

    private static ScalePolicy check(ScalePolicy policy) {
        Objects.requireNonNull(policy, "policy");
        if (policy.minWorkers() < 0 || policy.maxWorkers() < policy.minWorkers()) {
            throw new IllegalArgumentException("workers must be 0 <= min <= max: " + policy);
        }
        if (!(policy.upThreshold() > 0) || !(policy.downThreshold() >= 0)
                || !(policy.downThreshold() < policy.upThreshold()) || !(policy.cpuThreshold() > 0)) {
            throw new IllegalArgumentException("thresholds must be 0 <= down < up, and cpu above 0: " + policy);
        }
        if (policy.upWindow().isNegative() || policy.downWindow().isNegative()) {
            throw new IllegalArgumentException("windows must not be negative: " + policy);
        }
        return policy;
    }

    /**
     * Takes the next sample.
     *
     * @param now  the sample's instant, from the caller's clock
     * @param load the sample
     * @return the change to make now, or empty
     */
    public Optional<Scaling> observe(Instant now, Load load) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(load, "load");
        boolean continuous = previous != null && !now.isBefore(previous)
                && Duration.between(previous, now).compareTo(maxGap) <= 0 && load.workers() == previousWorkers;
        previous = now;
        previousWorkers = load.workers();
        if (!continuous) {
            restartRuns();
        }
        Optional<MemoryWatch.Over> over = memory.observe(load.memory());
        if (over.isPresent()) {
            restartRuns();
            return Optional.of(new Scaling(decision(now, ScaleDecision.Action.REPLACE, load.workers(),
                    Reasons.replace(over.get(), memoryCapBytes)), over.get().worker().pid()));
        }
        if (load.workers() < policy.minWorkers()) {
            restartRuns();
            return Optional.empty();
        }
        hot.observe(now, load.workers() < policy.maxWorkers() && isHot(load));
        cold.observe(now, load.workers() > policy.minWorkers() && policy.downThreshold() > 0 && isCold(load));
        Duration hotFor = hot.length(now);
        if (hotFor != null && hotFor.compareTo(policy.upWindow()) >= 0) {
            restartRuns();
            return Optional.of(new Scaling(decision(now, ScaleDecision.Action.ADD, load.workers() + 1,
                    Reasons.add(policy, load, hotFor)), 0));
        }
        Duration coldFor = cold.length(now);
        if (coldFor != null && coldFor.compareTo(policy.downWindow()) >= 0) {
            restartRuns();
            return Optional.of(new Scaling(decision(now, ScaleDecision.Action.REMOVE, load.workers() - 1,
                    Reasons.remove(policy, load, coldCpu, coldFor)), 0));
        }
        return Optional.empty();
    }

    private ScaleDecision decision(Instant now, ScaleDecision.Action action, int to, String reason) {
        return new ScaleDecision(now, group, action, previousWorkers, to, reason);
    }

    private void restartRuns() {
        hot.restart();
        cold.restart();
    }

    private boolean isHot(Load load) {
        return metric(policy, load) >= policy.upThreshold() || load.cpu() >= policy.cpuThreshold();
    }

    private boolean isCold(Load load) {
        return metric(policy, load) <= policy.downThreshold() && load.cpu() <= coldCpu;
    }

    /**
     * The figure of a sample that the policy's metric names.
     *
     * @param policy the policy
     * @param load   the sample
     * @return its utilisation or its slots in use
     */
    static double metric(ScalePolicy policy, Load load) {
        return switch (policy.metric()) {
            case UTILISATION -> load.utilisation();
            case SLOTS -> load.slotsInUse();
        };
    }
}
