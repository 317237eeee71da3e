package dev.orrery.supervisor;

import static org.awaitility.Awaitility.await;

import dev.orrery.Node;
import dev.orrery.SharedMemory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A supervisor started from a config file written for a test, on free ports, with the means to wait for what
 * it shows, and a client node registered with its name server. Closing it stops every process it started.
 */
final class RunningSupervisor implements AutoCloseable {

    /** The start of a config file: a name server on a free port. */
    static final String HEADER = """
            [nameserver]
            port = 0

            [console]
            port = 0

            """;

    final Supervisor supervisor;
    final Node client;
    final List<String> journal;

    private RunningSupervisor(Supervisor supervisor, Node client, List<String> journal) {
        this.supervisor = supervisor;
        this.client = client;
        this.journal = journal;
    }

    static RunningSupervisor start(Path dir, String groups) {
        return start(dir, groups, SupervisorOptions.defaults());
    }

    static RunningSupervisor start(Path dir, String groups, SupervisorOptions options) {
        SupervisorConfig config = ConfigFile.write(dir, HEADER + groups).load();
        List<String> journal = new CopyOnWriteArrayList<>();
        Supervisor supervisor = Supervisor.start(config, options.withJournal(journal::add));
        Node client = Node.builder().name("test-client").nameserver(supervisor.nameServerEndpoint().toString())
                .sharedMemory(SharedMemory.NEVER).build();
        return new RunningSupervisor(supervisor, client, journal);
    }

    GroupSnapshot group(String name) {
        return supervisor.group(name).orElseThrow();
    }

    /** Waits until a group's snapshot satisfies a condition, and returns that snapshot. */
    GroupSnapshot awaitGroup(String name, Duration within, Predicate<GroupSnapshot> condition) {
        List<GroupSnapshot> seen = new ArrayList<>(1);
        await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> {
            GroupSnapshot snapshot = group(name);
            seen.clear();
            seen.add(snapshot);
            return condition.test(snapshot);
        });
        return seen.getFirst();
    }

    /** Waits until a group runs this many workers that all serve. */
    GroupSnapshot awaitRunning(String name, int workers) {
        return awaitGroup(name, Duration.ofSeconds(30), g -> g.status() == GroupStatus.RUNNING
                && g.workers().size() == workers
                && g.workers().stream().allMatch(w -> w.status() == WorkerStatus.RUNNING));
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static Optional<ProcessHandle> process(long pid) {
        return ProcessHandle.of(pid);
    }

    @Override
    public void close() {
        client.close();
        supervisor.close();
    }
}
