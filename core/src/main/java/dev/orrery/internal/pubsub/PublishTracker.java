package dev.orrery.internal.pubsub;

import dev.orrery.OrreryException;
import dev.orrery.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The completion of one publish: counts the flows the message went to until each has settled it, as the
 * delivery mode says, and fails naming every subscription that did not take it. Each flow settles a message
 * once.
 *
 * <p>Flows report from the publishing thread or from I/O threads. The future is completed on the publishing
 * thread when everything was settled before {@link #seal} returned, and on the node's callback threads
 * otherwise: never on an I/O thread, and never while a publisher's lock is held, so that a callback may
 * publish again.
 */
final class PublishTracker {
    private final long sequence;
    private final TopicPublisher<?> publisher;
    final CompletableFuture<Void> future = new CompletableFuture<>();
    // Guarded by this.
    private int pending;
    private boolean sealed;
    private boolean finished;
    private List<String> failures;
    private Status status;
    private ScheduledFuture<?> timer;

    PublishTracker(long sequence, TopicPublisher<?> publisher) {
        this.sequence = sequence;
        this.publisher = publisher;
    }

    /** One more flow will settle this message. */
    synchronized void expect() {
        pending++;
    }

    /** A flow wrote the message (ASYNC), or its subscriber released it (SYNC), or its policy dropped it. */
    void done() {
        settle(null, null);
    }

    void failed(Status why, String description) {
        settle(why, description);
    }

    private void settle(Status why, String description) {
        synchronized (this) {
            if (finished) {
                return;
            }
            pending--;
            if (why != null) {
                record(why, description);
            }
            if (!sealed || pending > 0) {
                return;
            }
            finished = true;
        }
        complete(false);
    }

    private void record(Status why, String description) {
        if (failures == null) {
            failures = new ArrayList<>(2);
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
            if (pending > 0) {
                if (deadlineNanos > 0) {
                    timer = scheduler.schedule(this::timedOut, deadlineNanos, TimeUnit.NANOSECONDS);
                }
                return;
            }
            finished = true;
        }
        complete(true);
    }

    private void timedOut() {
        // Asked before taking this monitor: flows call in here while holding their own.
        List<String> holding = publisher.holding(sequence);
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            for (String subscription : holding) {
                publisher.failed();
                record(Status.DEADLINE_EXCEEDED, subscription + " did not release it within the deadline");
            }
            if (holding.isEmpty()) {
                publisher.failed();
                record(Status.DEADLINE_EXCEEDED, "the deadline passed before every subscription released it");
            }
        }
        complete(false);
    }

    /** Completes the future: here when {@code inline}, else on the callback threads. */
    private void complete(boolean inline) {
        ScheduledFuture<?> running;
        OrreryException failure = null;
        synchronized (this) {
            running = timer;
            if (failures != null) {
                failure = new OrreryException(status, "message " + sequence + " of " + publisher.topic()
                        + " was not delivered to " + failures.size() + (failures.size() == 1 ? " subscription: "
                        : " subscriptions: ") + String.join("; ", failures));
            }
        }
        if (running != null) {
            running.cancel(false);
        }
        OrreryException outcome = failure;
        if (inline) {
            finish(outcome);
        } else {
            publisher.runtime().callbacks().execute(() -> finish(outcome));
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
