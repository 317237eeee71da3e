package dev.orrery.internal.pubsub;

import dev.orrery.OrreryException;
import dev.orrery.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The completion of one publish: waits for each flow the message went to, as its delivery mode says, and
 * fails naming every subscription that did not take it.
 *
 * <p>Flows report from the publishing thread or from I/O threads; the future is completed on the publishing
 * thread when everything was settled there, and on the node's callback threads otherwise, never on an I/O
 * thread.
 */
final class PublishTracker {
    private final long sequence;
    private final String topic;
    private final Executor callbacks;
    private final Thread publishing = Thread.currentThread();
    final CompletableFuture<Void> future = new CompletableFuture<>();
    // Guarded by this.
    private final Set<OutboundFlow> pending = new LinkedHashSet<>();
    private List<String> failures;
    private Status status;
    private boolean sealed;
    private ScheduledFuture<?> timer;

    PublishTracker(long sequence, String topic, Executor callbacks) {
        this.sequence = sequence;
        this.topic = topic;
        this.callbacks = callbacks;
    }

    long sequence() {
        return sequence;
    }

    synchronized void expect(OutboundFlow flow) {
        pending.add(flow);
    }

    /** The flow wrote the message (ASYNC), or its subscriber released it (SYNC), or dropped it by its policy. */
    void done(OutboundFlow flow) {
        settle(flow, null, null);
    }

    void failed(OutboundFlow flow, Status why, String description) {
        settle(flow, why, description);
    }

    private void settle(OutboundFlow flow, Status why, String description) {
        synchronized (this) {
            if (!pending.remove(flow)) {
                return;
            }
            if (why != null) {
                record(why, description);
            }
            if (!sealed || !pending.isEmpty()) {
                return;
            }
        }
        complete();
    }

    private void record(Status why, String description) {
        if (failures == null) {
            failures = new ArrayList<>();
            status = why;
        }
        failures.add(description);
    }

    /**
     * Every flow has been offered the message; completes now when all settled already, otherwise at the
     * latest at the deadline.
     *
     * @param scheduler     the node's timer
     * @param deadlineNanos how long to wait for the rest, or 0 for no limit
     */
    void seal(ScheduledExecutorService scheduler, long deadlineNanos) {
        synchronized (this) {
            sealed = true;
            if (!pending.isEmpty()) {
                if (deadlineNanos > 0) {
                    timer = scheduler.schedule(this::timedOut, deadlineNanos, TimeUnit.NANOSECONDS);
                }
                return;
            }
        }
        complete();
    }

    private void timedOut() {
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            for (OutboundFlow flow : pending) {
                record(Status.DEADLINE_EXCEEDED, flow.target().describe() + " did not release it within the deadline");
            }
            pending.clear();
        }
        complete();
    }

    private void complete() {
        ScheduledFuture<?> running;
        OrreryException failure = null;
        synchronized (this) {
            running = timer;
            if (failures != null) {
                failure = new OrreryException(status, "message " + sequence + " of " + topic + " was not delivered to "
                        + failures.size() + (failures.size() == 1 ? " subscription: " : " subscriptions: ")
                        + String.join("; ", failures));
            }
        }
        if (running != null) {
            running.cancel(false);
        }
        OrreryException outcome = failure;
        if (Thread.currentThread() == publishing) {
            finish(outcome);
        } else {
            callbacks.execute(() -> finish(outcome));
        }
    }

    private void finish(OrreryException failure) {
        if (failure == null) {
            future.complete(null);
        } else {
            future.completeExceptionally(failure);
        }
    }
}
