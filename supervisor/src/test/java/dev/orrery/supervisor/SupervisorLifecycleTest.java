package dev.orrery.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orrery.examples.Calculator;
import dev.orrery.examples.Echo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor runs real worker processes: it starts them, restarts them, stops them and keeps their logs. */
@Timeout(120)
class SupervisorLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void shouldRestartAWorkerKilledWithSignalNineAndStopEveryWorkerWhenClosed() throws Exception {
        long pid;
        long restartedPid;
        try (RunningSupervisor running = RunningSupervisor.start(dir, """
                [services.echo]
                classes = ["dev.orrery.examples.EchoService"]
                restart-backoff = "200ms"
                """)) {
            GroupSnapshot echo = running.awaitRunning("echo", 1);
            pid = echo.workers().getFirst().pid();
            assertThat(running.client.locate(Echo.class).echo("hi")).isEqualTo("hi");
            assertThat(echo.instances()).singleElement()
                    .satisfies(i -> assertThat(i.metadata()).containsEntry("orrery.pid", Long.toString(pid)));

            RunningSupervisor.process(pid).orElseThrow().destroyForcibly();

            GroupSnapshot back = running.awaitGroup("echo", Duration.ofSeconds(20),
                    g -> g.status() == GroupStatus.RUNNING && g.workers().size() == 1
                            && g.workers().getFirst().restarts() == 1
                            && g.workers().getFirst().status() == WorkerStatus.RUNNING);
            restartedPid = back.workers().getFirst().pid();
            assertThat(restartedPid).isNotEqualTo(pid);
            assertThat(back.workers().getFirst().lastExit()).isEqualTo("killed by signal 9 (KILL)");
            assertThat(running.journal).anyMatch(line -> line.contains("crashed: killed by signal 9"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(running.client.locate(Echo.class).echo("again")).isEqualTo("again"));
        }
        assertThat(RunningSupervisor.alive(pid)).isFalse();
        assertThat(RunningSupervisor.alive(restartedPid)).isFalse();
        Path stdout = dir.resolve("logs/echo/echo-1.stdout.log");
        assertThat(Files.readString(stdout)).contains("orrery worker: serving demo.echo at tcp://");
    }

    @Test
    void shouldLetCallsInFlightFinishWhenAGroupStops() throws Exception {
        try (RunningSupervisor running = RunningSupervisor.start(dir, """
                [services.calc]
                classes = ["dev.orrery.examples.CalculatorService"]
                grace-period = "10s"
                """)) {
            long pid = running.awaitRunning("calc", 1).workers().getFirst().pid();
            Calculator calc = running.client.locate(Calculator.class);
            List<CompletableFuture<Long>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> calc.sleep(1500)));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> running.group("calc").methods().stream()
                    .filter(m -> m.method().equals("sleep")).mapToLong(MethodSnapshot::inFlight).sum() == 8);

            running.supervisor.stop("calc");

            for (CompletableFuture<Long> call : calls) {
                assertThat(call.get()).isGreaterThanOrEqualTo(1500L);
            }
            GroupSnapshot stopped = running.awaitGroup("calc", Duration.ofSeconds(15),
                    g -> g.status() == GroupStatus.STOPPED && g.workers().isEmpty());
            assertThat(stopped.instances()).isEmpty();
            assertThat(RunningSupervisor.alive(pid)).isFalse();
            assertThat(running.journal).anyMatch(line -> line.contains("calc-1 (pid " + pid + ") stopped: exit code 0"));

            running.supervisor.start("calc");
            running.awaitRunning("calc", 1);
            assertThat(calc.sum(List.of(1L, 2L))).isEqualTo(3L);
        }
    }

    @Test
    void shouldGiveUpRestartingAfterTheCrashLoopLimitAndSayWhy() {
        try (RunningSupervisor running = RunningSupervisor.start(dir, """
                [services.flaky]
                classes = ["dev.orrery.supervisor.CrashingEcho"]
                restart-backoff = "100ms"
                crash-loop-limit = 2
                """)) {
            GroupSnapshot crashed = running.awaitGroup("flaky", Duration.ofSeconds(60),
                    g -> g.status() == GroupStatus.CRASHED);
            assertThat(crashed.reason()).startsWith("3 crashes within 60s (the limit is 2); the last: flaky-1 "
                    + "exit code 3");
            assertThat(running.journal).anyMatch(line -> line.contains("gave up restarting"));
        }
    }

    @Test
    void shouldNotRestartAWorkerWhoseClassCannotBeServed() {
        try (RunningSupervisor running = RunningSupervisor.start(dir, """
                [services.broken]
                classes = ["java.lang.Object"]
                """)) {
            GroupSnapshot broken = running.awaitGroup("broken", Duration.ofSeconds(30),
                    g -> g.status() == GroupStatus.CRASHED);
            assertThat(broken.reason()).contains("cannot start");
            assertThat(running.supervisor.logs("broken", 50)).anyMatch(line -> line.stream().equals("stderr")
                    && line.text().contains("java.lang.Object implements no interface annotated @Service"));
        }
    }
}
