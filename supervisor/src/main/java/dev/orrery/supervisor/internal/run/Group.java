package dev.orrery.supervisor.internal.run;

import dev.orrery.registry.Instance;
import dev.orrery.supervisor.GroupSnapshot;
import dev.orrery.supervisor.GroupStatus;
import dev.orrery.supervisor.Sample;
import dev.orrery.supervisor.ScaleDecision;
import dev.orrery.supervisor.WorkerReport;
import dev.orrery.supervisor.WorkerSnapshot;
import dev.orrery.supervisor.WorkerStatus;
import dev.orrery.supervisor.internal.proc.CpuMeter;
import dev.orrery.supervisor.internal.proc.ProcessStats;
import dev.orrery.supervisor.internal.scale.Autoscaler;
import dev.orrery.supervisor.internal.scale.Load;
import dev.orrery.supervisor.internal.scale.Scaling;
import dev.orrery.supervisor.internal.scale.WorkerMemory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A service group as the supervisor keeps it: its runner, its workers' measurements and call statistics, its
 * history and its autoscaler. Touched on the supervisor's thread only.
 */
public final class Group {

    /** How many samples the history keeps: five minutes at one a second. */
    static final int HISTORY = 300;

    private final GroupRunner runner;
    private final Autoscaler autoscaler;
    private final GroupCalls calls = new GroupCalls();
    private final CpuMeter cpu = new CpuMeter();
    private final Map<Long, Measured> measured = new HashMap<>();
    private final Set<String> services = new LinkedHashSet<>();
    private final Deque<Sample> history = new ArrayDeque<>();
    private final Deque<ScaleDecision> decisions = new ArrayDeque<>();

    /**
     * A group.
     *
     * @param runner its runner
     */
    public Group(GroupRunner runner) {
        this.runner = runner;
        this.autoscaler = new Autoscaler(runner.group().name(), runner.group().scale(),
                runner.group().launch().memoryCap());
    }

    /** @return its runner */
    public GroupRunner runner() {
        return runner;
    }

    /** @return its name */
    public String name() {
        return runner.group().name();
    }

    /**
     * Takes a worker's report.
     *
     * @param report the report
     * @return whether it came from a current worker of this group
     */
    public boolean reported(WorkerReport report) {
        if (!runner.reported(report)) {
            return false;
        }
        services.addAll(report.services());
        calls.add(report);
        return true;
    }

    /** @return the services its workers reported serving */
    public Set<String> services() {
        return Set.copyOf(services);
    }

    /**
     * Measures the workers, samples the history, and asks the autoscaler; applies what it decides.
     *
     * @param now      the supervisor's real time
     * @param scaleNow the autoscaling clock's time
     * @param interval the time since the previous sample
     * @return the decision made, if any
     */
    public Optional<ScaleDecision> sample(Instant now, Instant scaleNow, Duration interval) {
        List<GroupRunner.WorkerView> workers = runner.workers();
        Map<Long, Measured> current = new HashMap<>();
        for (GroupRunner.WorkerView worker : workers) {
            if (worker.pid() == 0) {
                continue;
            }
            ProcessStats.read(worker.pid()).ifPresent(stats -> current.put(worker.pid(),
                    new Measured(stats, cpu.percentOfCore(stats, now))));
        }
        for (long pid : measured.keySet()) {
            if (!current.containsKey(pid)) {
                cpu.forget(pid);
                calls.forget(pid);
            }
        }
        measured.clear();
        measured.putAll(current);
        GroupCalls.Interval window = calls.interval(interval);
        double cpuSum = current.values().stream().mapToDouble(Measured::cpuPercent).sum();
        long rssSum = current.values().stream().mapToLong(m -> m.stats().rssBytes()).sum();
        int running = (int) workers.stream().filter(w -> w.status() == WorkerStatus.RUNNING).count();
        history.addLast(new Sample(now, window.callsPerSecond(), window.p50Micros(), window.p99Micros(),
                window.p999Micros(), cpuSum, rssSum, running));
        while (history.size() > HISTORY) {
            history.removeFirst();
        }
        if (runner.status() != GroupStatus.RUNNING) {
            return Optional.empty();
        }
        List<WorkerMemory> memory = current.entrySet().stream()
                .map(e -> new WorkerMemory(e.getKey(), e.getValue().stats().rssBytes())).toList();
        int live = runner.liveCount();
        // The autoscaler reads CPU as the share of the host's processors each worker keeps busy.
        double cpuPerWorker = live == 0 ? 0 : cpuSum / 100 / live / Runtime.getRuntime().availableProcessors();
        Load load = new Load(live, window.utilisation(), window.slotsInUse(), cpuPerWorker, memory);
        Optional<Scaling> scaling = autoscaler.observe(scaleNow, load);
        scaling.ifPresent(this::apply);
        return scaling.map(Scaling::decision);
    }

    private void apply(Scaling scaling) {
        ScaleDecision decision = scaling.decision();
        switch (decision.action()) {
            case ADD -> runner.add();
            case REMOVE -> runner.remove();
            case REPLACE -> runner.replace(scaling.pid());
        }
        decisions.addLast(decision);
        while (decisions.size() > HISTORY) {
            decisions.removeFirst();
        }
    }

    /** @return its history, oldest first */
    public List<Sample> history() {
        return List.copyOf(history);
    }

    /** @return its latest scale decisions, oldest first */
    public List<ScaleDecision> decisions() {
        return List.copyOf(decisions);
    }

    /**
     * The group now.
     *
     * @param instances the instances its workers registered
     * @param now       the supervisor's real time
     * @return the snapshot
     */
    public GroupSnapshot snapshot(List<Instance> instances, Instant now) {
        List<WorkerSnapshot> workers = new ArrayList<>();
        for (GroupRunner.WorkerView worker : runner.workers()) {
            Measured m = measured.get(worker.pid());
            long uptime = worker.startedAt() == null || worker.pid() == 0 ? 0
                    : Math.max(0, Duration.between(worker.startedAt(), now).toMillis());
            workers.add(new WorkerSnapshot(worker.pid(), worker.status(), worker.restarts(), worker.startedAt(),
                    uptime, m == null ? 0 : m.cpuPercent(), m == null ? 0 : m.stats().rssBytes(),
                    m == null ? 0 : m.stats().threads(), worker.lastExit()));
        }
        Sample last = history.peekLast();
        return new GroupSnapshot(name(), runner.status(), runner.reason(), runner.group().scale().minWorkers(),
                runner.group().scale().maxWorkers(), workers, instances,
                workers.stream().mapToDouble(WorkerSnapshot::cpuPercent).sum(),
                workers.stream().mapToLong(WorkerSnapshot::rssBytes).sum(),
                last == null ? 0 : last.callsPerSecond(), last == null ? 0 : last.p99Micros(), calls.errors(),
                calls.methods());
    }

    /** A worker's latest measurement. */
    private record Measured(ProcessStats stats, double cpuPercent) {
    }
}
