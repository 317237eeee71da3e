package dev.orrery.supervisor.internal.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.orrery.supervisor.ScaleDecision;
import dev.orrery.supervisor.ScaleDecision.Action;
import dev.orrery.supervisor.ScaleMetric;
import dev.orrery.supervisor.ScalePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The autoscaler's rules, on samples whose instants the tests advance by hand. */
@Timeout(10)
class AutoscalerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final long MIB = 1L << 20;
    /** 1 to 4 workers; add after 10s at 0.75 or cpu 0.80, remove after 60s at 0.25 (and cpu 0.80 × 0.25 / 0.75). */
    private static final ScalePolicy POLICY = new ScalePolicy(1, 4, ScaleMetric.UTILISATION, 0.75,
            Duration.ofSeconds(10), 0.25, Duration.ofSeconds(60), 0.80);

    private final Autoscaler scaler = new Autoscaler("echo", POLICY, 256 * MIB);

    private static Load load(int workers, double utilisation, double cpu) {
        return new Load(workers, utilisation, 0.12, cpu, List.of());
    }

    private static Load hot(int workers) {
        return load(workers, 0.91, 0.40);
    }

    private static Load cold(int workers) {
        return load(workers, 0.10, 0.10);
    }

    private static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    /** Samples once a second from {@code from} to {@code to} inclusive; returns the decisions with their second. */
    private List<ScaleDecision> run(int from, int to, Load load) {
        List<ScaleDecision> decisions = new ArrayList<>();
        for (int second = from; second <= to; second++) {
            scaler.observe(at(second), load).ifPresent(scaling -> decisions.add(scaling.decision()));
        }
        return decisions;
    }

    @Test
    void shouldAddOnceWhenHotForExactlyTheWindowAndThenStartTheWindowOver() {
        assertThat(run(0, 9, hot(2))).isEmpty();

        Optional<Scaling> scaling = scaler.observe(at(10), hot(2));

        assertThat(scaling).isPresent();
        ScaleDecision decision = scaling.get().decision();
        assertThat(decision).isEqualTo(new ScaleDecision(at(10), "echo", Action.ADD, 2, 3,
                "utilisation 0.91 ≥ 0.75 for 10s (slots 0.12, cpu 0.40)"));
        assertThat(scaling.get().pid()).isZero();
        // The sample that decided does not begin the next run: the next one does, at 11s.
        assertThat(run(11, 20, hot(3))).isEmpty();
        assertThat(run(21, 21, hot(3))).extracting(ScaleDecision::action).containsExactly(Action.ADD);
    }

    @Test
    void shouldNeverAddAtMaxWorkers() {
        assertThat(run(0, 600, hot(4))).isEmpty();
    }

    @Test
    void shouldNeverAddAboveMaxWorkersEither() {
        assertThat(run(0, 600, hot(5))).isEmpty();
    }

    @Test
    void shouldNeverRemoveAtMinWorkers() {
        assertThat(run(0, 600, cold(1))).isEmpty();
    }

    @Test
    void shouldNotAddForASingleHotSample() {
        assertThat(run(0, 4, load(2, 0.5, 0.5))).isEmpty();
        assertThat(run(5, 5, hot(2))).isEmpty();
        assertThat(run(6, 600, load(2, 0.5, 0.5))).isEmpty();
    }

    @Test
    void shouldStartTheWindowOverAfterOneSampleThatIsNotHot() {
        assertThat(run(0, 9, hot(2))).isEmpty();
        assertThat(run(10, 10, load(2, 0.74, 0.79))).isEmpty();
        assertThat(run(11, 20, hot(2))).isEmpty();
        assertThat(run(21, 21, hot(2))).hasSize(1);
    }

    @Test
    void shouldStartTheWindowOverAfterAGapInTheSamples() {
        assertThat(run(0, 4, hot(2))).isEmpty();
        // 5s later is still a run; 5.001s later is a gap.
        assertThat(scaler.observe(at(9), hot(2))).isEmpty();
        assertThat(scaler.observe(at(14.001), hot(2))).isEmpty();
        assertThat(run(15, 24, hot(2))).isEmpty();
        assertThat(scaler.observe(at(24.001), hot(2))).isPresent();
    }

    @Test
    void shouldKeepTheRunAcrossAGapOfExactlyTheMaximum() {
        assertThat(scaler.observe(at(0), hot(2))).isEmpty();
        assertThat(scaler.observe(at(5), hot(2))).isEmpty();
        assertThat(scaler.observe(at(10), hot(2))).isPresent();
    }

    @Test
    void shouldStartTheWindowOverWhenTimeGoesBack() {
        assertThat(run(0, 9, hot(2))).isEmpty();
        assertThat(scaler.observe(at(8), hot(2))).isEmpty();
        assertThat(run(9, 17, hot(2))).isEmpty();
        assertThat(run(18, 18, hot(2))).hasSize(1);
    }

    @Test
    void shouldStartTheWindowOverWhenTheWorkerCountChanges() {
        assertThat(run(0, 9, hot(2))).isEmpty();
        assertThat(run(10, 19, hot(3))).isEmpty();
        assertThat(run(20, 20, hot(3))).extracting(ScaleDecision::from, ScaleDecision::to)
                .containsExactly(tuple(3, 4));
    }

    @Test
    void shouldCountCpuAloneAsHot() {
        assertThat(run(0, 9, load(1, 0.10, 0.85))).isEmpty();

        assertThat(run(10, 10, load(1, 0.10, 0.85))).extracting(ScaleDecision::reason)
                .containsExactly("cpu 0.85 ≥ 0.80 for 10s (utilisation 0.10, slots 0.12)");
    }

    @Test
    void shouldNameBothConditionsWhenBothHold() {
        assertThat(run(0, 10, load(1, 0.91, 0.83))).extracting(ScaleDecision::reason)
                .containsExactly("utilisation 0.91 ≥ 0.75 and cpu 0.83 ≥ 0.80 for 10s (slots 0.12)");
    }

    @Test
    void shouldRemoveOneWorkerAfterTheLongerColdWindow() {
        assertThat(run(0, 59, cold(3))).isEmpty();

        assertThat(run(60, 60, cold(3))).containsExactly(new ScaleDecision(at(60), "echo", Action.REMOVE, 3, 2,
                "utilisation 0.10 ≤ 0.25 and cpu 0.10 ≤ 0.27 for 1m (slots 0.12)"));
    }

    @Test
    void shouldDoNothingInsideTheHysteresisBand() {
        // Metric low but CPU above 0.80 × 0.25 / 0.75: not cold, and not hot.
        assertThat(run(0, 600, load(3, 0.10, 0.50))).isEmpty();
        // CPU low but the metric between the thresholds.
        assertThat(run(601, 1200, load(3, 0.50, 0.10))).isEmpty();
        // Both just inside the band.
        assertThat(run(1201, 1800, load(3, 0.26, 0.27))).isEmpty();
    }

    @Test
    void shouldTreatTheThresholdsThemselvesAsCrossed() {
        assertThat(run(0, 10, load(2, 0.75, 0.0))).hasSize(1);
        assertThat(run(11, 71, load(2, 0.25, 0.80 * 0.25 / 0.75))).extracting(ScaleDecision::action)
                .containsExactly(Action.REMOVE);
    }

    @Test
    void shouldNeverRemoveWhenTheDownThresholdIsZero() {
        ScalePolicy policy = new ScalePolicy(1, 4, ScaleMetric.UTILISATION, 0.75, Duration.ofSeconds(10), 0.0,
                Duration.ofSeconds(60), 0.80);
        Autoscaler never = new Autoscaler("echo", policy, 0);
        for (int second = 0; second < 600; second++) {
            assertThat(never.observe(at(second), load(3, 0.0, 0.0))).isEmpty();
        }
    }

    @Test
    void shouldWatchSlotsWhenThePolicySaysSo() {
        ScalePolicy policy = new ScalePolicy(1, 4, ScaleMetric.SLOTS, 0.75, Duration.ofSeconds(10), 0.25,
                Duration.ofSeconds(60), 0.80);
        Autoscaler slots = new Autoscaler("echo", policy, 0);
        Load busySlots = new Load(2, 0.10, 0.90, 0.10, List.of());
        Optional<Scaling> last = Optional.empty();
        for (int second = 0; second <= 10; second++) {
            last = slots.observe(at(second), busySlots);
        }
        assertThat(last).map(scaling -> scaling.decision().reason())
                .contains("slots 0.90 ≥ 0.75 for 10s (utilisation 0.10, cpu 0.10)");
    }

    @Test
    void shouldLeaveAGroupBelowMinWorkersToTheRestarts() {
        ScalePolicy policy = new ScalePolicy(2, 4, ScaleMetric.UTILISATION, 0.75, Duration.ofSeconds(10), 0.25,
                Duration.ofSeconds(60), 0.80);
        Autoscaler scaler = new Autoscaler("echo", policy, 0);
        for (int second = 0; second < 600; second++) {
            assertThat(scaler.observe(at(second), hot(1))).isEmpty();
        }
    }

    @Test
    void shouldReplaceAWorkerOverItsMemoryCapInTwoConsecutiveSamples() {
        Load over = new Load(2, 0.5, 0.5, 0.5, List.of(new WorkerMemory(41, 100 * MIB),
                new WorkerMemory(42, 301 * MIB)));
        assertThat(scaler.observe(at(0), over)).isEmpty();

        Optional<Scaling> scaling = scaler.observe(at(1), over);

        assertThat(scaling).contains(new Scaling(new ScaleDecision(at(1), "echo", Action.REPLACE, 2, 2,
                "worker 42's resident memory 301 MiB is over the 256 MiB cap for 2 samples"), 42));
        // Its replacement is under way: it is not named again while it still runs.
        assertThat(scaler.observe(at(2), over)).isEmpty();
        assertThat(scaler.observe(at(3), over)).isEmpty();
    }

    @Test
    void shouldNotReplaceAWorkerThatWentBackUnderTheCap() {
        Load over = new Load(2, 0.5, 0.5, 0.5, List.of(new WorkerMemory(42, 257 * MIB)));
        Load under = new Load(2, 0.5, 0.5, 0.5, List.of(new WorkerMemory(42, 256 * MIB)));

        assertThat(scaler.observe(at(0), over)).isEmpty();
        assertThat(scaler.observe(at(1), under)).isEmpty();
        assertThat(scaler.observe(at(2), over)).isEmpty();
        assertThat(scaler.observe(at(3), over)).map(Scaling::pid).contains(42L);
    }

    @Test
    void shouldReplaceTheLargestFirstAndTheOtherAtTheNextSample() {
        Load over = new Load(2, 0.5, 0.5, 0.5, List.of(new WorkerMemory(41, 300 * MIB),
                new WorkerMemory(42, 400 * MIB)));
        assertThat(scaler.observe(at(0), over)).isEmpty();
        assertThat(scaler.observe(at(1), over)).map(Scaling::pid).contains(42L);
        assertThat(scaler.observe(at(2), over)).map(scaling -> scaling.decision().reason())
                .contains("worker 41's resident memory 300 MiB is over the 256 MiB cap for 3 samples");
    }

    @Test
    void shouldPutAReplacementBeforeScalingAndThenStartTheWindowOver() {
        List<WorkerMemory> memory = List.of(new WorkerMemory(42, 300 * MIB));
        assertThat(run(0, 8, hot(2))).isEmpty();
        assertThat(scaler.observe(at(9), new Load(2, 0.91, 0.12, 0.40, memory))).isEmpty();

        assertThat(scaler.observe(at(10), new Load(2, 0.91, 0.12, 0.40, memory))).map(s -> s.decision().action())
                .contains(Action.REPLACE);
        assertThat(run(11, 20, hot(2))).isEmpty();
        assertThat(run(21, 21, hot(2))).hasSize(1);
    }

    @Test
    void shouldReplaceNothingWithoutACap() {
        Autoscaler uncapped = new Autoscaler("echo", POLICY, 0);
        Load huge = new Load(2, 0.5, 0.5, 0.5, List.of(new WorkerMemory(42, Long.MAX_VALUE)));
        for (int second = 0; second < 10; second++) {
            assertThat(uncapped.observe(at(second), huge)).isEmpty();
        }
    }

    @Test
    void shouldRefuseAPolicyThatContradictsItself() {
        ScalePolicy upsideDown = new ScalePolicy(1, 4, ScaleMetric.UTILISATION, 0.25, Duration.ofSeconds(10),
                0.75, Duration.ofSeconds(60), 0.80);
        ScalePolicy minAboveMax = new ScalePolicy(5, 4, ScaleMetric.UTILISATION, 0.75, Duration.ofSeconds(10),
                0.25, Duration.ofSeconds(60), 0.80);

        assertThatThrownBy(() -> new Autoscaler("echo", upsideDown, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("thresholds must be 0 <= down < up");
        assertThatThrownBy(() -> new Autoscaler("echo", minAboveMax, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("workers must be");
    }

    @Test
    void shouldRefuseALoadThatIsNotOne() {
        assertThatThrownBy(() -> new Load(-1, 0, 0, 0, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Load(1, Double.NaN, 0, 0, List.of()))
                .hasMessage("utilisation must be a finite share, at least 0: NaN");
        assertThatThrownBy(() -> new Load(1, 0, 0, -0.1, List.of()))
                .hasMessage("cpu must be a finite share, at least 0: -0.1");
    }
}
