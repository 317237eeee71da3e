package dev.orrery.console;

import dev.orrery.Node;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.Subscription;
import dev.orrery.registry.Instance;
import dev.orrery.registry.NameServer;
import dev.orrery.supervisor.GroupSnapshot;
import dev.orrery.supervisor.GroupStatus;
import dev.orrery.supervisor.LogLine;
import dev.orrery.supervisor.MethodSnapshot;
import dev.orrery.supervisor.Sample;
import dev.orrery.supervisor.ScaleDecision;
import dev.orrery.supervisor.SupervisorControl;
import dev.orrery.supervisor.WorkerSnapshot;
import dev.orrery.supervisor.WorkerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A test fixture: a {@link SupervisorControl} whose groups are scripted in memory rather than run as processes. Its
 * name server and node are real ones, handed in by the test. Actions flip statuses at once and are recorded; log
 * lines appended by the test reach every open tail; each group has a history with a deterministic shape.
 */
final class ScriptedSupervisor implements SupervisorControl {

    private static final long MIB = 1024 * 1024;

    /** One scripted group; guarded by the supervisor's monitor. */
    private static final class Group {
        final String name;
        final String service;
        final int minWorkers;
        final int maxWorkers;
        final List<String> methods;
        GroupStatus status = GroupStatus.RUNNING;
        String reason = "";
        int workers;
        int restarts;
        final List<Sample> history = new ArrayList<>();

        Group(String name, String service, int minWorkers, int maxWorkers, List<String> methods) {
            this.name = name;
            this.service = service;
            this.minWorkers = minWorkers;
            this.maxWorkers = maxWorkers;
            this.methods = methods;
            this.workers = minWorkers;
        }
    }

    /** An open tail. */
    private record Tail(String group, Consumer<LogLine> sink) {
    }

    private final NameServer nameServer;
    private final Node node;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final List<LogLine> lines = new ArrayList<>();
    private final List<ScaleDecision> decisions = new ArrayList<>();
    private final List<Tail> tails = new CopyOnWriteArrayList<>();
    private final List<String> actions = new CopyOnWriteArrayList<>();
    private final Instant started = Instant.now();
    private long nextSeq = 1;

    /**
     * A supervisor with no groups yet.
     *
     * @param nameServer the real name server whose instances the groups show
     * @param node       the real node the gateway calls through
     */
    ScriptedSupervisor(NameServer nameServer, Node node) {
        this.nameServer = nameServer;
        this.node = node;
    }

    /**
     * The groups {@code examples/orrery.toml} configures, each with a two-minute history and a few log lines.
     *
     * @param nameServer the real name server
     * @param node       the real node
     * @return the supervisor
     */
    static ScriptedSupervisor examples(NameServer nameServer, Node node) {
        ScriptedSupervisor supervisor = new ScriptedSupervisor(nameServer, node)
                .group("echo", "demo.echo", 1, 3, List.of("echo", "echoBytes"))
                .group("kv", "demo.kv", 1, 1, List.of("put", "get", "size"))
                .group("calc", "demo.calc", 1, 1, List.of("countPrimes", "sum"));
        supervisor.log("echo", "stdout", "demo.echo registered at tcp://127.0.0.1:40123");
        supervisor.log("kv", "stdout", "demo.kv registered at tcp://127.0.0.1:40125");
        supervisor.log("calc", "stdout", "demo.calc registered at tcp://127.0.0.1:40127");
        supervisor.log("echo", "supervisor", "adding a worker: p99 latency 2.4 ms over the 2 ms target for 10 s");
        supervisor.scale("echo", 2, "p99 latency 2.4 ms over the 2 ms target for 10 s");
        supervisor.log("echo", "stdout", "demo.echo registered at tcp://127.0.0.1:40131");
        supervisor.log("calc", "stderr", "countPrimes(10000000) took 812 ms");
        return supervisor;
    }

    /**
     * Adds a running group.
     *
     * @param name       its name
     * @param service    the service its workers serve, whose instances it shows
     * @param minWorkers its fewest workers
     * @param maxWorkers its most workers
     * @param methods    the methods of its service
     * @return this
     */
    synchronized ScriptedSupervisor group(String name, String service, int minWorkers, int maxWorkers,
                                          List<String> methods) {
        Group group = new Group(name, service, minWorkers, maxWorkers, methods);
        Random random = new Random(name.hashCode());
        Instant now = Instant.now();
        for (int i = 120; i >= 1; i--) {
            double wave = 1 + Math.sin(i / 9.0) * 0.4 + random.nextDouble() * 0.15;
            group.history.add(new Sample(now.minusSeconds(i), 800 * wave, 180 * wave, 950 * wave, 2400 * wave,
                    22 * wave, (long) ((160 + 12 * wave) * MIB), group.workers));
        }
        groups.put(name, group);
        return this;
    }

    /** Sets a group's status, as a crash loop or a slow start would. */
    synchronized void status(String name, GroupStatus status, String reason) {
        Group group = find(name);
        group.status = status;
        group.reason = reason;
    }

    /** Adds a sample to a group's history, one second after its last one. */
    synchronized Sample sample(String name, double callsPerSecond) {
        Group group = find(name);
        Instant time = group.history.isEmpty() ? Instant.now() : group.history.getLast().time().plusSeconds(1);
        Sample sample = new Sample(time, callsPerSecond, 150, 900, 2000, 20, 170 * MIB, group.workers);
        group.history.add(sample);
        return sample;
    }

    /** Records a scale decision and applies it. */
    synchronized void scale(String name, int to, String reason) {
        Group group = find(name);
        ScaleDecision.Action action = to > group.workers ? ScaleDecision.Action.ADD : ScaleDecision.Action.REMOVE;
        decisions.add(new ScaleDecision(Instant.now(), name, action, group.workers, to, reason));
        group.workers = to;
    }

    /**
     * Appends a line to the log and hands it to every open tail of its group.
     *
     * @return the line
     */
    LogLine log(String group, String stream, String text) {
        LogLine line;
        synchronized (this) {
            line = new LogLine(nextSeq++, Instant.now(), group, stream.equals("supervisor") ? 0 : pid(group, 0),
                    stream, text);
            lines.add(line);
        }
        for (Tail tail : tails) {
            if (tail.group() == null || tail.group().equals(group)) {
                tail.sink().accept(line);
            }
        }
        return line;
    }

    /** The actions the console asked for, such as {@code stop echo}, in order. */
    List<String> actions() {
        return List.copyOf(actions);
    }

    /** How many tails are open. */
    int openTails() {
        return tails.size();
    }

    @Override
    public synchronized List<GroupSnapshot> groups() {
        return groups.values().stream().map(this::snapshot).toList();
    }

    @Override
    public synchronized Optional<GroupSnapshot> group(String name) {
        return Optional.ofNullable(groups.get(name)).map(this::snapshot);
    }

    @Override
    public void start(String name) {
        act("start", name, group -> {
            group.status = GroupStatus.RUNNING;
            group.reason = "";
            group.workers = group.minWorkers;
        });
    }

    @Override
    public void stop(String name) {
        act("stop", name, group -> {
            group.status = GroupStatus.STOPPED;
            group.reason = "";
        });
    }

    @Override
    public void restart(String name) {
        act("restart", name, group -> group.restarts++);
    }

    private void act(String verb, String name, Consumer<Group> change) {
        synchronized (this) {
            change.accept(find(name));
        }
        actions.add(verb + " " + name);
        log(name, "supervisor", verb + " requested from the console");
    }

    @Override
    public synchronized List<LogLine> logs(String group, int limit) {
        List<LogLine> matching = lines.stream().filter(line -> group == null || line.group().equals(group)).toList();
        return List.copyOf(matching.subList(Math.max(0, matching.size() - limit), matching.size()));
    }

    @Override
    public Subscription tail(String group, Consumer<LogLine> sink) {
        Tail tail = new Tail(group, sink);
        tails.add(tail);
        return () -> tails.remove(tail);
    }

    @Override
    public synchronized List<Sample> history(String name) {
        return List.copyOf(find(name).history);
    }

    @Override
    public synchronized List<ScaleDecision> decisions(String group) {
        return decisions.stream().filter(decision -> group == null || decision.group().equals(group)).toList();
    }

    @Override
    public NameServer nameServer() {
        return nameServer;
    }

    @Override
    public Node node() {
        return node;
    }

    private Group find(String name) {
        Group group = groups.get(name);
        if (group == null) {
            throw new OrreryException(Status.NOT_FOUND, "no group " + name);
        }
        return group;
    }

    private GroupSnapshot snapshot(Group group) {
        boolean running = group.status == GroupStatus.RUNNING;
        List<WorkerSnapshot> workers = new ArrayList<>();
        for (int i = 0; running && i < group.workers; i++) {
            Duration uptime = Duration.between(started, Instant.now()).plusMinutes(42);
            workers.add(new WorkerSnapshot(pid(group.name, i), WorkerStatus.RUNNING, group.restarts,
                    Instant.now().minus(uptime), uptime.toMillis(), 11.5 + i, (150 + 10 * i) * MIB, 31, ""));
        }
        List<Instance> instances = running ? nameServer.locate(group.service, Map.of()) : List.of();
        List<MethodSnapshot> methods = new ArrayList<>();
        for (int i = 0; i < group.methods.size(); i++) {
            double share = running ? 1.0 / (i + 1) : 0;
            methods.add(new MethodSnapshot(group.service, group.methods.get(i), 120_000 / (i + 1), i, running ? i : 0,
                    640 * share, 140 + 30 * i, 870 + 200 * i, 2300 + 500 * i, 9_400_000 / (i + 1),
                    8_100_000 / (i + 1)));
        }
        Sample last = group.history.isEmpty() ? null : group.history.getLast();
        return new GroupSnapshot(group.name, group.status, group.reason, group.minWorkers, group.maxWorkers,
                workers, instances, running ? 23.0 * workers.size() : 0,
                running ? (160 * MIB) * workers.size() : 0, running && last != null ? last.callsPerSecond() : 0,
                running && last != null ? last.p99Micros() : Double.NaN, 3, methods);
    }

    private static long pid(String group, int index) {
        return 41_000 + Math.floorMod(group.hashCode(), 900) * 10L + index;
    }
}
