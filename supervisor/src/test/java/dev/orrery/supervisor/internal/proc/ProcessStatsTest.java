package dev.orrery.supervisor.internal.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Figures of real processes, from /proc, and the reading of a status file. */
@Timeout(20)
class ProcessStatsTest {

    @BeforeAll
    static void onLinux() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc");
    }

    @Test
    void shouldReadThisJvm() {
        long pid = ProcessHandle.current().pid();

        Optional<ProcessStats> stats = ProcessStats.read(pid);

        assertThat(stats).hasValueSatisfying(s -> {
            assertThat(s.pid()).isEqualTo(pid);
            assertThat(s.cpuTime()).isGreaterThan(Duration.ZERO);
            assertThat(s.rssBytes()).isGreaterThan(8L << 20).isLessThan(Runtime.getRuntime().maxMemory() + (2L << 30));
            assertThat(s.threads()).isGreaterThan(1);
        });
    }

    @Test
    void shouldCountThreadsAsTheyStart() throws Exception {
        long pid = ProcessHandle.current().pid();
        int before = ProcessStats.read(pid).orElseThrow().threads();
        Object gate = new Object();
        Thread[] threads = new Thread[20];
        synchronized (gate) {
            for (int i = 0; i < threads.length; i++) {
                threads[i] = Thread.ofPlatform().start(() -> {
                    synchronized (gate) {
                        gate.notifyAll();
                    }
                });
            }
            int during = ProcessStats.read(pid).orElseThrow().threads();
            // The JVM's own threads come and go meanwhile (compiler threads do): a margin allows for them.
            assertThat(during).isGreaterThanOrEqualTo(before + threads.length - 5);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    @Test
    void shouldReadAChildProcessAndNothingOnceItIsGone() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(ProcessStats.read(child.pid())).hasValueSatisfying(s -> {
                assertThat(s.pid()).isEqualTo(child.pid());
                assertThat(s.threads()).isEqualTo(1);
                assertThat(s.rssBytes()).isPositive();
            });
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(ProcessStats.read(child.pid())).isEmpty();
    }

    @Test
    void shouldReadNothingOfPidsThatCannotBe() {
        assertThat(ProcessStats.read(0)).isEmpty();
        assertThat(ProcessStats.read(-1)).isEmpty();
        // Above the kernel's largest pid_max, 2^22.
        assertThat(ProcessStats.read(Integer.MAX_VALUE)).isEmpty();
    }

    @Test
    void shouldReadTheFiguresOfAStatusFile() {
        String status = """
                Name:\tjava
                Umask:\t0022
                State:\tS (sleeping)
                Pid:\t4242
                VmPeak:\t 5000000 kB
                VmRSS:\t  123456 kB
                RssAnon:\t  100000 kB
                Threads:\t37
                voluntary_ctxt_switches:\t12
                """;

        assertThat(ProcStatus.parse(status)).contains(new ProcStatus('S', 123_456L * 1024, 37));
    }

    @Test
    void shouldReadAKernelThreadAsHoldingNoMemory() {
        assertThat(ProcStatus.parse("Name:\tkthreadd\nState:\tS (sleeping)\nThreads:\t1\n"))
                .contains(new ProcStatus('S', 0, 1));
    }

    @Test
    void shouldTellAZombieHasEnded() {
        ProcStatus zombie = ProcStatus.parse("Name:\tsh\nState:\tZ (zombie)\nThreads:\t1\n").orElseThrow();

        assertThat(zombie.ended()).isTrue();
        assertThat(ProcStatus.parse("State:\tR (running)\nThreads:\t1\n").orElseThrow().ended()).isFalse();
    }

    @Test
    void shouldReadNothingOfAStatusFileWithoutItsFigures() {
        assertThat(ProcStatus.parse("")).isEmpty();
        assertThat(ProcStatus.parse("State:\tS (sleeping)\n")).isEmpty();
        assertThat(ProcStatus.parse("State:\tS (sleeping)\nThreads:\tmany\n")).isEmpty();
        assertThat(ProcStatus.parse("State:\tS (sleeping)\nVmRSS:\tlots kB\nThreads:\t1\n")).isEmpty();
    }
}
