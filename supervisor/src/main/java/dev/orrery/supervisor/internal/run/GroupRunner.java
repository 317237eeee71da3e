package dev.orrery.supervisor.internal.run;

import dev.orrery.supervisor.GroupStatus;
import dev.orrery.supervisor.ServiceGroup;
import dev.orrery.supervisor.WorkerReport;
import dev.orrery.supervisor.WorkerStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The workers of one service group: it starts them, restarts those that crash with a growing backoff until the
 * crashes come too often, stops them gracefully, and adds, removes or replaces them as told.
 *
 * <p>Every method runs on the supervisor's thread, which also runs the callbacks of process exits and of timers:
 * nothing here is shared with another thread.
 */
public final class GroupRunner {

    /** How long a started worker has to report before it counts as crashed. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** Starts one worker process. */
    @FunctionalInterface
    public interface Launcher {
        /**
         * Starts the worker of a slot.
         *
         * @param group the group
         * @param slot  the slot, from 1
         * @return the started process
         * @throws IOException when its JVM cannot start
         */
        WorkerProcess launch(ServiceGroup group, int slot) throws IOException;
    }

    /** Where the runner tells what it does, a line at a time. */
    @FunctionalInterface
    public interface Journal {
        /**
         * Records a line about a group.
         *
         * @param group the group
         * @param text  what happened
         */
        void say(String group, String text);
    }

    private final ServiceGroup group;
    private final Launcher launcher;
    private final Journal journal;
    private final ScheduledExecutorService thread;
    private final CrashHistory crashes;
    private final Map<Integer, Worker> workers = new TreeMap<>();
    private final Deque<Worker> rolling = new ArrayDeque<>();
    private boolean wanted;
    private boolean gaveUp;
    private String reason = "";

    /**
     * A runner; nothing starts until {@link #start()}.
     *
     * @param group    the group's settings
     * @param launcher starts its workers
     * @param journal  where it tells what it does
     * @param thread   the supervisor's thread, on which every method must be called
     */
    public GroupRunner(ServiceGroup group, Launcher launcher, Journal journal, ScheduledExecutorService thread) {
        this.group = group;
        this.launcher = launcher;
        this.journal = journal;
        this.thread = thread;
        this.crashes = new CrashHistory(group.restarts());
    }

    /** @return the group's settings */
    public ServiceGroup group() {
        return group;
    }

    /**
     * Starts the group at its minimum worker count, at least one; a running group is left as it is, except that
     * a group the crash loop stopped starts afresh.
     */
    public void start() {
        if (wanted && !gaveUp) {
            return;
        }
        wanted = true;
        gaveUp = false;
        reason = "";
        crashes.clear();
        int target = Math.max(1, group.scale().minWorkers());
        journal.say(group.name(), "starting " + target + (target == 1 ? " worker" : " workers"));
        while (liveCount() < target) {
            add();
        }
        workers.values().stream().filter(w -> !w.retiring && !w.alive() && w.timer == null).toList()
                .forEach(this::relaunch);
    }

    /**
     * Stops every worker gracefully and keeps the group stopped.
     *
     * @return completes once every worker exited
     */
    public CompletableFuture<Void> stop() {
        if (wanted) {
            journal.say(group.name(), "stopping " + workers.size() + (workers.size() == 1 ? " worker" : " workers"));
        }
        wanted = false;
        rolling.clear();
        List<CompletableFuture<?>> exits = new ArrayList<>();
        for (Worker worker : List.copyOf(workers.values())) {
            retire(worker);
            if (worker.process != null) {
                exits.add(worker.process.exit());
            }
        }
        return CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new));
    }

    /** Replaces every worker, one at a time, each once its replacement serves; a stopped group starts. */
    public void restart() {
        if (!wanted || gaveUp) {
            start();
            return;
        }
        journal.say(group.name(), "restarting its workers one at a time");
        rolling.clear();
        rolling.addAll(workers.values().stream().filter(w -> !w.retiring).toList());
        replaceNext();
    }

    /** Starts one more worker, in the lowest free slot. */
    public void add() {
        addWorker();
    }

    private Worker addWorker() {
        int slot = 1;
        while (workers.containsKey(slot)) {
            slot++;
        }
        Worker worker = new Worker(slot);
        workers.put(slot, worker);
        launch(worker);
        return worker;
    }

    /** Stops one worker gracefully, the most recently added; keeping the group at its minimum is the caller's part. */
    public void remove() {
        workers.values().stream().filter(w -> !w.retiring).max(Comparator.comparingInt(w -> w.slot))
                .ifPresent(this::retire);
    }

    /**
     * Starts a worker to take the place of another, and stops that one once the new one serves.
     *
     * @param pid the process id of the worker to replace
     */
    public void replace(long pid) {
        workers.values().stream().filter(w -> w.pid() == pid && !w.retiring).findFirst().ifPresent(this::replace);
    }

    private void replace(Worker old) {
        addWorker().replaces = old;
    }

    private void replaceNext() {
        Worker next = rolling.pollFirst();
        while (next != null && (next.retiring || !workers.containsValue(next))) {
            next = rolling.pollFirst();
        }
        if (next != null) {
            replace(next);
        }
    }

    /**
     * Takes a worker's report: the first one from its current process means it serves.
     *
     * @param report the report
     * @return whether the report came from a current worker of this group
     */
    public boolean reported(WorkerReport report) {
        Worker worker = workers.get(report.slot());
        if (worker == null || worker.pid() != report.pid()) {
            return false;
        }
        if (worker.runningSince == null && worker.status == WorkerStatus.STARTING) {
            worker.runningSince = Instant.now();
            worker.status = WorkerStatus.RUNNING;
            worker.cancelTimer();
            journal.say(group.name(), name(worker) + " (pid " + worker.pid() + ") serves "
                    + String.join(", ", report.services()));
            Worker old = worker.replaces;
            worker.replaces = null;
            if (old != null) {
                retire(old);
                replaceNext();
            }
        }
        return true;
    }

    private void launch(Worker worker) {
        worker.status = WorkerStatus.STARTING;
        worker.runningSince = null;
        try {
            WorkerProcess process = launcher.launch(group, worker.slot);
            worker.process = process;
            journal.say(group.name(), name(worker) + " started, pid " + process.pid());
            process.exit().whenComplete((code, failure) -> thread.execute(
                    () -> exited(worker, process, code == null ? -1 : code)));
            worker.timer = thread.schedule(() -> startTimedOut(worker, process), START_TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (IOException | RuntimeException e) {
            journal.say(group.name(), name(worker) + " could not start: " + e.getMessage());
            worker.process = null;
            crashed(worker, "its JVM could not start: " + e.getMessage(), false);
        }
    }

    private void relaunch(Worker worker) {
        worker.timer = null;
        if (!wanted || gaveUp || worker.retiring || workers.get(worker.slot) != worker) {
            return;
        }
        worker.restarts++;
        launch(worker);
    }

    private void startTimedOut(Worker worker, WorkerProcess process) {
        if (worker.process == process && worker.runningSince == null && !process.exit().isDone()) {
            journal.say(group.name(), name(worker) + " did not report within " + START_TIMEOUT.toSeconds()
                    + "s of starting; killing it");
            // Its exit counts as a crash: the worker is not retiring.
            process.kill();
        }
    }

    private void retire(Worker worker) {
        worker.retiring = true;
        worker.cancelTimer();
        if (!worker.alive()) {
            workers.remove(worker.slot, worker);
            return;
        }
        worker.status = WorkerStatus.STOPPING;
        WorkerProcess process = worker.process;
        process.requestStop();
        Duration grace = group.restarts().gracePeriod().plusSeconds(5);
        worker.timer = thread.schedule(() -> {
            if (!process.exit().isDone()) {
                journal.say(group.name(), name(worker) + " (pid " + process.pid() + ") still runs "
                        + grace.toSeconds() + "s after it was asked to stop; killing it");
                process.kill();
            }
        }, grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void exited(Worker worker, WorkerProcess process, int code) {
        if (worker.process != process) {
            return;
        }
        worker.cancelTimer();
        String how = WorkerProcess.describeExit(code);
        worker.lastExit = how;
        if (worker.retiring || !wanted) {
            worker.status = WorkerStatus.STOPPED;
            workers.remove(worker.slot, worker);
            journal.say(group.name(), name(worker) + " (pid " + process.pid() + ") stopped: " + how);
            return;
        }
        crashed(worker, how, code == WorkerMain.EXIT_CONFIG);
    }

    private void crashed(Worker worker, String how, boolean hopeless) {
        worker.status = WorkerStatus.CRASHED;
        int recent = crashes.record(Instant.now());
        if (hopeless) {
            giveUp(name(worker) + " cannot start (" + how + "); see its stderr log");
            return;
        }
        if (crashes.inLoop()) {
            giveUp(crashes.describe() + "; the last: " + name(worker) + " " + how);
            return;
        }
        Duration delay = crashes.backoff();
        journal.say(group.name(), name(worker) + " (pid " + worker.pid() + ") crashed: " + how + "; restarting in "
                + delay.toMillis() + " ms (crash " + recent + " within " + group.restarts().crashLoopWindow()
                .toSeconds() + "s, the limit is " + group.restarts().crashLoopLimit() + ")");
        worker.timer = thread.schedule(() -> relaunch(worker), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void giveUp(String why) {
        gaveUp = true;
        reason = why;
        journal.say(group.name(), "gave up restarting: " + why + "; start the group again once fixed");
        for (Worker worker : List.copyOf(workers.values())) {
            if (!worker.alive()) {
                worker.cancelTimer();
            }
        }
    }

    private String name(Worker worker) {
        return WorkerFiles.baseName(group.name(), worker.slot);
    }

    /** @return the workers that are not leaving the group */
    public int liveCount() {
        return (int) workers.values().stream().filter(w -> !w.retiring).count();
    }

    /** @return the group's status */
    public GroupStatus status() {
        if (!wanted) {
            return GroupStatus.STOPPED;
        }
        if (gaveUp) {
            return GroupStatus.CRASHED;
        }
        return workers.values().stream().anyMatch(w -> w.status == WorkerStatus.RUNNING)
                ? GroupStatus.RUNNING : GroupStatus.STARTING;
    }

    /** @return why the group stands where it does, such as the crash loop that stopped it */
    public String reason() {
        return reason;
    }

    /** @return every worker of the group, leaving ones included, in slot order */
    public List<WorkerView> workers() {
        return workers.values().stream().map(w -> new WorkerView(w.slot, w.pid(), w.status, w.restarts,
                w.process == null ? null : w.process.startedAt(), w.lastExit)).toList();
    }

    /**
     * A worker as the runner sees it.
     *
     * @param slot      its slot
     * @param pid       its process id, 0 when none runs
     * @param status    its status
     * @param restarts  restarts of its slot
     * @param startedAt when its process started, or {@code null}
     * @param lastExit  how its previous process ended, or empty
     */
    public record WorkerView(int slot, long pid, WorkerStatus status, int restarts, Instant startedAt,
                             String lastExit) {
    }
}
