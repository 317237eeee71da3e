package dev.orrery.supervisor;

import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.OrreryException;
import dev.orrery.SharedMemory;
import dev.orrery.Status;
import dev.orrery.Subscription;
import dev.orrery.nameserver.EmbeddedNameServer;
import dev.orrery.registry.Instance;
import dev.orrery.registry.NameServer;
import dev.orrery.supervisor.internal.logs.LogBook;
import dev.orrery.supervisor.internal.run.Group;
import dev.orrery.supervisor.internal.run.GroupRunner;
import dev.orrery.supervisor.internal.run.SupervisorMetrics;
import dev.orrery.supervisor.internal.run.WorkerCommand;
import dev.orrery.supervisor.internal.run.WorkerOutput;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A running supervisor: the name server (unless the config names another), a node serving
 * {@link SupervisorService}, and every configured service group as worker processes.
 *
 * <pre>{@code
 * try (Supervisor supervisor = Supervisor.start(SupervisorConfig.load(Path.of("orrery.toml")),
 *         SupervisorOptions.defaults())) {
 *     supervisor.groups().forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>All changes to groups and workers happen on one supervisor thread; the methods of
 * {@link SupervisorControl} hand their work to it and wait for it.
 */
public final class Supervisor implements SupervisorControl, AutoCloseable {

    /** How many lines of worker output the supervisor keeps in memory for the console. */
    static final int LOG_LINES = 20_000;

    private final SupervisorConfig config;
    private final SupervisorOptions options;
    private final ScheduledExecutorService thread;
    private final EmbeddedNameServer embedded;
    private final NameServer nameServer;
    private final Node node;
    private final LogBook logs;
    private final WorkerOutput output;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final SupervisorMetrics metrics;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private Instant lastSample;

    private Supervisor(SupervisorConfig config, SupervisorOptions options, EmbeddedNameServer embedded,
                       Node node, NameServer nameServer) {
        this.config = config;
        this.options = options;
        this.embedded = embedded;
        this.node = node;
        this.nameServer = nameServer;
        this.thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("orrery-supervisor")
                .daemon().factory());
        this.logs = new LogBook(LOG_LINES, InstantSource.system());
        this.output = new WorkerOutput(logs);
        this.metrics = new SupervisorMetrics(options.registry());
    }

    /**
     * Starts the name server, the supervisor's node and every group at its minimum worker count.
     *
     * @param config  the config file, as loaded
     * @param options how to run
     * @return the running supervisor
     * @throws OrreryException with {@link Status#UNAVAILABLE} when the name server's port is taken
     */
    public static Supervisor start(SupervisorConfig config, SupervisorOptions options) {
        EmbeddedNameServer embedded = null;
        Endpoint nameServerEndpoint;
        if (config.nameServer() instanceof NameServerSettings.Embedded settings) {
            embedded = EmbeddedNameServer.start(settings.endpoint().toString());
            nameServerEndpoint = embedded.endpoint();
        } else {
            nameServerEndpoint = config.nameServer().endpoint();
        }
        Node node = Node.builder().name("supervisor").listen("tcp://127.0.0.1:0")
                .nameserver(nameServerEndpoint.toString()).sharedMemory(SharedMemory.NEVER).build();
        NameServer nameServer = embedded != null ? embedded.service()
                : node.connect(NameServer.class, nameServerEndpoint);
        Supervisor supervisor = new Supervisor(config, options, embedded, node, nameServer);
        try {
            node.serve(SupervisorService.class, supervisor.new Service()).start();
            supervisor.startGroups(nameServerEndpoint);
        } catch (RuntimeException e) {
            supervisor.close();
            throw e;
        }
        return supervisor;
    }

    private void startGroups(Endpoint nameServerEndpoint) {
        WorkerCommand command = WorkerCommand.ofThisJvm(options.workerJvmOptions());
        String self = node.endpoints().getFirst().toString();
        onThread(() -> {
            for (ServiceGroup group : config.services()) {
                GroupRunner runner = new GroupRunner(group, (g, slot) -> output.launch(command, g, slot,
                        nameServerEndpoint.toString(), self, options.reportInterval(), config.file()),
                        this::journal, thread);
                Group state = new Group(runner);
                groups.put(group.name(), state);
                if (group.scale().minWorkers() > 0) {
                    runner.start();
                } else {
                    journal(group.name(), "min-workers is 0: not started until asked");
                }
            }
            return null;
        });
        lastSample = Instant.now();
        long every = options.sampleInterval().toMillis();
        thread.scheduleAtFixedRate(this::sample, every, every, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        Instant now = Instant.now();
        Duration interval = Duration.between(lastSample, now);
        lastSample = now;
        Instant scaleNow = options.clock().instant();
        for (Group group : groups.values()) {
            try {
                group.sample(now, scaleNow, interval).ifPresent(decision -> journal(group.name(),
                        decision.action().name().toLowerCase(Locale.ROOT) + " a worker ("
                                + decision.from() + " -> " + decision.to() + "): " + decision.reason()));
            } catch (RuntimeException e) {
                journal(group.name(), "sampling failed: " + e);
            }
        }
        List<GroupSnapshot> all = new ArrayList<>();
        groups.values().forEach(group -> all.add(group.snapshot(List.of(), now)));
        metrics.update(all);
    }

    private void journal(String group, String text) {
        logs.add(group, 0, "supervisor", text);
        options.journal().accept("[" + group + "] " + text);
    }

    /**
     * The endpoint of the name server the workers register with.
     *
     * @return the endpoint
     */
    public Endpoint nameServerEndpoint() {
        return embedded != null ? embedded.endpoint() : config.nameServer().endpoint();
    }

    /**
     * The config the supervisor runs.
     *
     * @return the config
     */
    public SupervisorConfig config() {
        return config;
    }

    @Override
    public List<GroupSnapshot> groups() {
        List<Group> all = onThread(() -> List.copyOf(groups.values()));
        List<GroupSnapshot> snapshots = new ArrayList<>();
        for (Group group : all) {
            snapshots.add(snapshot(group));
        }
        return snapshots;
    }

    @Override
    public Optional<GroupSnapshot> group(String name) {
        Group group = onThread(() -> groups.get(name));
        return Optional.ofNullable(group).map(this::snapshot);
    }

    private GroupSnapshot snapshot(Group group) {
        // The name server may be remote: asked off the supervisor's thread.
        List<String> services = onThread(() -> List.copyOf(group.services()));
        List<Instance> instances = new ArrayList<>();
        for (String service : services) {
            try {
                instances.addAll(nameServer.locate(service, Map.of("orrery.group", group.name())));
            } catch (OrreryException e) {
                // The name server did not answer: the snapshot shows no instances rather than failing.
            }
        }
        Instant now = Instant.now();
        return onThread(() -> group.snapshot(instances, now));
    }

    @Override
    public void start(String name) {
        onThread(() -> {
            existing(name).runner().start();
            return null;
        });
    }

    @Override
    public void stop(String name) {
        onThread(() -> existing(name).runner().stop());
    }

    @Override
    public void restart(String name) {
        onThread(() -> {
            existing(name).runner().restart();
            return null;
        });
    }

    private Group existing(String name) {
        Group group = groups.get(name);
        if (group == null) {
            throw new OrreryException(Status.NOT_FOUND, "no service group '" + name + "'; the groups are "
                    + String.join(", ", groups.keySet()));
        }
        return group;
    }

    @Override
    public List<LogLine> logs(String group, int limit) {
        if (group != null) {
            onThread(() -> existing(group));
        }
        return logs.latest(group, limit);
    }

    @Override
    public Subscription tail(String group, Consumer<LogLine> sink) {
        if (group != null) {
            onThread(() -> existing(group));
        }
        return logs.tail(group, sink);
    }

    @Override
    public List<Sample> history(String name) {
        return onThread(() -> existing(name).history());
    }

    @Override
    public List<ScaleDecision> decisions(String group) {
        return onThread(() -> {
            if (group != null) {
                return existing(group).decisions();
            }
            List<ScaleDecision> all = new ArrayList<>();
            groups.values().forEach(g -> all.addAll(g.decisions()));
            all.sort(Comparator.comparing(ScaleDecision::time));
            return all;
        });
    }

    @Override
    public NameServer nameServer() {
        return nameServer;
    }

    @Override
    public Node node() {
        return node;
    }

    /**
     * Completes once the supervisor has stopped, by {@link #close()} or by {@link SupervisorService#shutdown()}.
     *
     * @return the future
     */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    /**
     * Stops every worker gracefully (each group's grace period, then a kill), then the supervisor's node and
     * the name server. Any thread may call it, as often as it likes; each call returns once all is stopped.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            closed.join();
            return;
        }
        try {
            List<CompletableFuture<Void>> stopping = onThread(() -> {
                List<CompletableFuture<Void>> all = new ArrayList<>();
                groups.values().forEach(group -> all.add(group.runner().stop()));
                return all;
            });
            Duration longest = config.services().stream().map(g -> g.restarts().gracePeriod())
                    .max(Duration::compareTo).orElse(Duration.ZERO).plusSeconds(10);
            CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new))
                    .get(longest.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            options.journal().accept("[supervisor] workers did not all stop: " + e);
        } finally {
            node.close();
            if (embedded != null) {
                embedded.close();
            }
            thread.shutdownNow();
            output.close();
            metrics.close();
            closed.complete(null);
        }
    }

    private <T> T onThread(Supplier<T> work) {
        if (thread.isShutdown()) {
            throw new OrreryException(Status.UNAVAILABLE, "the supervisor has stopped");
        }
        try {
            return thread.submit(work::get).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrreryException(Status.CANCELLED, "interrupted while waiting for the supervisor", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new OrreryException(Status.INTERNAL, "the supervisor failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new OrreryException(Status.DEADLINE_EXCEEDED, "the supervisor did not answer within 30s", e);
        } catch (RejectedExecutionException e) {
            throw new OrreryException(Status.UNAVAILABLE, "the supervisor has stopped", e);
        }
    }

    /** The supervisor as a service of its own node. */
    private final class Service implements SupervisorService {

        @Override
        public void report(WorkerReport report) {
            try {
                thread.execute(() -> {
                    Group group = groups.get(report.group());
                    if (group != null) {
                        group.reported(report);
                    }
                });
            } catch (RejectedExecutionException e) {
                // The supervisor is stopping: its workers' reports no longer matter.
            }
        }

        @Override
        public long shutdown() {
            Thread.ofPlatform().name("orrery-supervisor-shutdown").start(Supervisor.this::close);
            return ProcessHandle.current().pid();
        }
    }
}
