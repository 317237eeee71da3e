package dev.orrery.supervisor.internal.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.supervisor.ScaleDecision;
import dev.orrery.supervisor.ScaleDecision.Action;
import dev.orrery.supervisor.ScaleMetric;
import dev.orrery.supervisor.ScalePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The autoscaler against random sequences of samples: runs of like samples, at irregular intervals with gaps,
 * worker counts in and out of bounds, loads on and near every threshold, and workers over the memory cap.
 */
class AutoscalerPropertyTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final long CAP = 256L << 20;
    private static final ScalePolicy POLICY = new ScalePolicy(1, 4, ScaleMetric.UTILISATION, 0.75,
            Duration.ofSeconds(3), 0.25, Duration.ofSeconds(6), 0.80);
    private static final double COLD_CPU = 0.80 * 0.25 / 0.75;

    /** A sample repeated {@code times}, {@code stepMillis} apart. */
    record Run(Load load, long stepMillis, int times) {
    }

    @Provide
    Arbitrary<List<Run>> runs() {
        Arbitrary<Double> shares = Arbitraries.of(0.0, 0.1, 0.25, 0.26, 0.5, 0.74, 0.75, 0.9, 1.0);
        Arbitrary<Double> cpus = Arbitraries.of(0.0, 0.1, COLD_CPU, 0.27, 0.5, 0.79, 0.8, 0.95);
        Arbitrary<WorkerMemory> worker = Combinators.combine(Arbitraries.longs().between(1, 3),
                Arbitraries.of(100L << 20, CAP, CAP + 1, 300L << 20)).as(WorkerMemory::new);
        Arbitrary<Load> loads = Combinators.combine(Arbitraries.integers().between(0, 5), shares, shares, cpus,
                worker.list().ofMaxSize(3)).as(Load::new);
        Arbitrary<Long> steps = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(1000L)),
                Tuple.of(3, Arbitraries.longs().between(0, 5000)),
                Tuple.of(1, Arbitraries.longs().between(5001, 20_000)));
        Arbitrary<Integer> times = Arbitraries.integers().between(1, 12);
        return Combinators.combine(loads, steps, times).as(Run::new).list().ofMaxSize(40);
    }

    @Property(tries = 500)
    void shouldStayInBoundsDecideOncePerSampleAndWaitForWholeWindows(@ForAll("runs") List<Run> runs) {
        Autoscaler scaler = new Autoscaler("echo", POLICY, CAP);
        Instant now = T0;
        Instant previous = null;
        Instant hotSince = null;
        Instant coldSince = null;
        Set<Long> overBefore = Set.of();
        Set<Action> seen = EnumSet.noneOf(Action.class);
        for (Run run : runs) {
            for (int i = 0; i < run.times(); i++) {
                now = now.plusMillis(run.stepMillis());
                Load load = run.load();
                if (previous != null && Duration.between(previous, now).compareTo(Autoscaler.DEFAULT_MAX_GAP) > 0) {
                    hotSince = null;
                    coldSince = null;
                }
                hotSince = isHot(load) ? (hotSince == null ? now : hotSince) : null;
                coldSince = isCold(load) ? (coldSince == null ? now : coldSince) : null;
                Set<Long> over = overCap(load);

                Optional<Scaling> scaling = scaler.observe(now, load);

                if (scaling.isPresent()) {
                    ScaleDecision decision = scaling.get().decision();
                    seen.add(decision.action());
                    assertThat(decision.time()).isEqualTo(now);
                    assertThat(decision.from()).isEqualTo(load.workers());
                    switch (decision.action()) {
                        case ADD -> {
                            assertThat(decision.to()).isEqualTo(decision.from() + 1).isLessThanOrEqualTo(4);
                            assertThat(hotSince).isNotNull();
                            assertThat(Duration.between(hotSince, now)).isGreaterThanOrEqualTo(POLICY.upWindow());
                        }
                        case REMOVE -> {
                            assertThat(decision.to()).isEqualTo(decision.from() - 1).isGreaterThanOrEqualTo(1);
                            assertThat(coldSince).isNotNull();
                            assertThat(Duration.between(coldSince, now))
                                    .isGreaterThanOrEqualTo(POLICY.downWindow());
                        }
                        case REPLACE -> {
                            assertThat(decision.to()).isEqualTo(decision.from());
                            assertThat(over).contains(scaling.get().pid());
                            assertThat(overBefore).contains(scaling.get().pid());
                        }
                    }
                    // A decision's effect is sampled before the next: each window starts over.
                    hotSince = null;
                    coldSince = null;
                }
                previous = now;
                overBefore = over;
            }
        }
        for (Action action : Action.values()) {
            Statistics.label(action.name()).collect(seen.contains(action));
        }
        for (Action action : Action.values()) {
            Statistics.label(action.name()).coverage(coverage -> coverage.check(true).percentage(p -> p > 5));
        }
    }

    private static boolean isHot(Load load) {
        return load.utilisation() >= 0.75 || load.cpu() >= 0.80;
    }

    private static boolean isCold(Load load) {
        return load.utilisation() <= 0.25 && load.cpu() <= COLD_CPU;
    }

    private static Set<Long> overCap(Load load) {
        Set<Long> pids = new HashSet<>();
        for (WorkerMemory worker : load.memory()) {
            if (worker.rssBytes() > CAP) {
                pids.add(worker.pid());
            }
        }
        return pids;
    }
}
