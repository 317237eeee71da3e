package dev.orrery.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.examples.Calculator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real workers under real load, with an autoscaling clock that runs twenty times faster than the wall clock, so
 * that windows of tens of seconds pass in about a second.
 */
@Timeout(120)
class AutoscalingTest {

    @TempDir
    Path dir;

    @Test
    void shouldAddAWorkerWhileTheGroupIsBusyAndRemoveItOnceIdle() throws Exception {
        SupervisorOptions options = SupervisorOptions.defaults().withClock(new FastClock(20))
                .withSampleInterval(Duration.ofMillis(100)).withReportInterval(Duration.ofMillis(100));
        try (RunningSupervisor running = RunningSupervisor.start(dir, """
                [services.calc]
                classes = ["dev.orrery.examples.CalculatorService"]
                max-workers = 2

                [services.calc.scale]
                up-window = "10s"
                down-window = "30s"
                cpu-threshold = 0.2
                """, options)) {
            running.awaitRunning("calc", 1);
            Calculator calc = running.client.locate(Calculator.class);
            AtomicBoolean busy = new AtomicBoolean(true);
            List<Thread> load = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                load.add(Thread.ofPlatform().start(() -> {
                    while (busy.get()) {
                        calc.countPrimes(300_000);
                    }
                }));
            }
            try {
                running.awaitGroup("calc", Duration.ofSeconds(40), g -> g.workers().size() == 2);
            } finally {
                busy.set(false);
                for (Thread thread : load) {
                    thread.join();
                }
            }
            running.awaitRunning("calc", 2);
            running.awaitGroup("calc", Duration.ofSeconds(40), g -> g.workers().size() == 1
                    && g.workers().getFirst().status() == WorkerStatus.RUNNING);

            List<ScaleDecision> decisions = running.supervisor.decisions("calc");
            assertThat(decisions).extracting(ScaleDecision::action)
                    .containsExactly(ScaleDecision.Action.ADD, ScaleDecision.Action.REMOVE);
            assertThat(decisions.getFirst().reason()).contains("cpu");
            assertThat(decisions.getFirst().from()).isEqualTo(1);
            assertThat(decisions.getFirst().to()).isEqualTo(2);
            assertThat(running.journal).anyMatch(line -> line.startsWith("[calc] add a worker (1 -> 2)"));
            assertThat(running.journal).anyMatch(line -> line.startsWith("[calc] remove a worker (2 -> 1)"));
        }
    }

    /** A clock that starts now and runs a number of times faster than the wall clock. */
    private record FastClock(Instant start, long startNanos, long speed) implements InstantSource {
        FastClock(long speed) {
            this(Instant.now(), System.nanoTime(), speed);
        }

        @Override
        public Instant instant() {
            return start.plusNanos((System.nanoTime() - startNanos) * speed);
        }
    }
}
