package dev.orrery.supervisor;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A supervisor in a process of its own, for tests that kill it: it runs the config file named by its argument,
 * prints {@code workers PID PID...} once every group runs its minimum of workers, and runs until killed.
 */
public final class SupervisorInAProcess {

    /** What it prints before the workers' process ids. */
    static final String WORKERS = "workers ";

    private SupervisorInAProcess() {
    }

    /**
     * Runs the supervisor.
     *
     * @param args the config file
     * @throws InterruptedException never, in practice: it waits until killed
     */
    public static void main(String[] args) throws InterruptedException {
        Supervisor supervisor = Supervisor.start(SupervisorConfig.load(Path.of(args[0])),
                SupervisorOptions.defaults());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> supervisor.groups()
                .stream().allMatch(g -> g.status() == GroupStatus.RUNNING && g.workers().size() == g.minWorkers()
                        && g.workers().stream().allMatch(w -> w.status() == WorkerStatus.RUNNING)));
        System.out.println(WORKERS + String.join(" ", supervisor.groups().stream()
                .flatMap(g -> g.workers().stream()).map(w -> Long.toString(w.pid())).toList()));
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
