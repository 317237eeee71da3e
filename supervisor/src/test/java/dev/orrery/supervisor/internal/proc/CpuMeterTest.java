package dev.orrery.supervisor.internal.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CPU use between readings: by hand, then of a real busy process. */
@Timeout(20)
class CpuMeterTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final CpuMeter meter = new CpuMeter();

    private static ProcessStats stats(long pid, long cpuMillis) {
        return new ProcessStats(pid, Duration.ofMillis(cpuMillis), 1 << 20, 1);
    }

    @Test
    void shouldGiveTheCpuTimeOverTheWallTimeInPercentOfOneCore() {
        assertThat(meter.percentOfCore(stats(7, 1000), T0)).isZero();

        assertThat(meter.percentOfCore(stats(7, 1500), T0.plusSeconds(1))).isCloseTo(50.0, within(1e-9));
        assertThat(meter.percentOfCore(stats(7, 3500), T0.plusSeconds(2))).isCloseTo(200.0, within(1e-9));
        assertThat(meter.percentOfCore(stats(7, 3500), T0.plusSeconds(3))).isZero();
    }

    @Test
    void shouldMeasureEachProcessApart() {
        meter.percentOfCore(stats(7, 0), T0);
        meter.percentOfCore(stats(8, 0), T0);

        assertThat(meter.percentOfCore(stats(7, 100), T0.plusSeconds(1))).isCloseTo(10.0, within(1e-9));
        assertThat(meter.percentOfCore(stats(8, 900), T0.plusSeconds(1))).isCloseTo(90.0, within(1e-9));
    }

    @Test
    void shouldStartOverWhenTimeOrCpuTimeGoesBack() {
        meter.percentOfCore(stats(7, 5000), T0.plusSeconds(10));

        // Not after the previous reading: nothing to measure over.
        assertThat(meter.percentOfCore(stats(7, 6000), T0.plusSeconds(10))).isZero();
        // Less CPU time than before: the pid names a new process.
        assertThat(meter.percentOfCore(stats(7, 100), T0.plusSeconds(11))).isZero();
        assertThat(meter.percentOfCore(stats(7, 350), T0.plusSeconds(12))).isCloseTo(25.0, within(1e-9));
    }

    @Test
    void shouldTakeTheReadingAfterForgetAsAFirstOne() {
        meter.percentOfCore(stats(7, 0), T0);
        meter.forget(7);

        assertThat(meter.percentOfCore(stats(7, 1000), T0.plusSeconds(1))).isZero();
        assertThat(meter.percentOfCore(stats(7, 1100), T0.plusSeconds(2))).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void shouldSeeABusyProcessUseMostOfACore() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc");
        Process busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            meter.percentOfCore(ProcessStats.read(busy.pid()).orElseThrow(), Instant.now());
            Thread.sleep(1000);
            double percent = meter.percentOfCore(ProcessStats.read(busy.pid()).orElseThrow(), Instant.now());

            assertThat(percent).isGreaterThan(30.0).isLessThan(110.0);
        } finally {
            busy.destroyForcibly();
            assertThat(busy.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void shouldSeeAnIdleProcessUseAlmostNothing() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc");
        Process idle = new ProcessBuilder("sleep", "30").start();
        try {
            meter.percentOfCore(ProcessStats.read(idle.pid()).orElseThrow(), Instant.now());
            Thread.sleep(500);
            double percent = meter.percentOfCore(ProcessStats.read(idle.pid()).orElseThrow(), Instant.now());

            assertThat(percent).isLessThan(5.0);
        } finally {
            idle.destroyForcibly();
            assertThat(idle.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
