package dev.orrery.internal.channel;

import dev.orrery.Status;
import dev.orrery.internal.wire.Failure;
import dev.orrery.internal.wire.Frame;
import dev.orrery.internal.wire.FrameType;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's side of a stream: sends ITEM frames while the caller has credit, keeps a bounded number
 * waiting when it has none, and ends the stream of a caller that falls too far behind. Sending never
 * blocks the producer.
 *
 * <p>Thread-safe: producers call {@link #send} from any thread; credits arrive on the I/O thread.
 */
public final class OutboundStream {
    /** Values kept for a caller that has no credit left, before its stream is ended as too slow. */
    static final int MAX_BUFFERED = 1024;

    private final ServerChannel channel;
    private final long id;
    private final Executor userThreads;
    private final ArrayDeque<Frame> waiting = new ArrayDeque<>();
    private final AtomicReference<Runnable> onCancel = new AtomicReference<>();
    // Guarded by this.
    private long credit;
    private boolean ended;
    /** Set once END is sent or the caller is gone: nothing more will be written. */
    private boolean over;

    OutboundStream(ServerChannel channel, long id, Executor userThreads) {
        this.channel = channel;
        this.id = id;
        this.userThreads = userThreads;
    }

    /** @return the stream's correlation id */
    public long id() {
        return id;
    }

    /**
     * Sends one value, or keeps it until the caller grants credit.
     *
     * @param item the ITEM frame
     * @return false when the stream has ended and the value was dropped
     */
    public boolean send(Frame item) {
        int size = item.encodedLength() - 4;
        if (size > channel.peerMaxFrameSize()) {
            endNow(Failure.of(Status.RESOURCE_EXHAUSTED, "a value of this stream is a frame of " + size
                    + " bytes; the caller accepts at most " + channel.peerMaxFrameSize()));
            return false;
        }
        synchronized (this) {
            if (ended) {
                return false;
            }
            if (credit > 0 && waiting.isEmpty()) {
                credit--;
                channel.connection.send(item);
                return true;
            }
            if (waiting.size() < MAX_BUFFERED) {
                waiting.addLast(item);
                return true;
            }
        }
        endNow(Failure.of(Status.RESOURCE_EXHAUSTED, "the caller fell more than " + MAX_BUFFERED
                + " values behind this stream"));
        return false;
    }

    /**
     * Ends the stream once the values already sent or waiting have gone out. END itself needs no credit.
     *
     * @param failure why, or {@code null} for a normal end
     */
    public void end(Failure failure) {
        boolean sent;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            waiting.addLast(endFrame(failure));
            sent = flush();
        }
        if (sent) {
            finished();
        }
    }

    /** Ends the stream at once, dropping what waits: for a caller too slow to keep up. */
    private void endNow(Failure failure) {
        synchronized (this) {
            if (ended && waiting.isEmpty()) {
                return;
            }
            ended = true;
            waiting.clear();
            channel.connection.send(endFrame(failure));
        }
        finished();
    }

    private Frame endFrame(Failure failure) {
        // A zero status with an empty message and type: the stream completed.
        byte[] payload = failure == null ? new byte[6] : failure.encode();
        return Frame.of(FrameType.END, id, payload);
    }

    /** Sends what credit allows, in order; the END frame needs none. Holds the lock. Returns whether END went. */
    private boolean flush() {
        while (!waiting.isEmpty()) {
            Frame next = waiting.peekFirst();
            if (next.type() == FrameType.END) {
                channel.connection.send(waiting.pollFirst());
                return true;
            }
            if (credit == 0) {
                return false;
            }
            credit--;
            channel.connection.send(waiting.pollFirst());
        }
        return false;
    }

    void grant(long more) {
        boolean sent;
        synchronized (this) {
            credit += more;
            sent = flush();
        }
        if (sent) {
            finished();
        }
    }

    private void finished() {
        channel.streamEnded(this);
        cancelled();
    }

    /**
     * What to run when the caller cancels or goes away: closing the implementation's subscription.
     *
     * @param action the action; run at once when the stream is already over
     */
    public void onCancel(Runnable action) {
        onCancel.set(action);
        boolean finishedAlready;
        synchronized (this) {
            finishedAlready = over;
        }
        if (finishedAlready) {
            cancelled();
        }
    }

    /** Drops the stream without an END: its opening call failed, and the caller learns that from the ERROR. */
    public void abort() {
        channel.streamEnded(this);
        cancelled();
    }

    /** The caller cancelled, the connection closed, or the stream ended: release what feeds it, once. */
    void cancelled() {
        synchronized (this) {
            ended = true;
            over = true;
            waiting.clear();
        }
        Runnable action = onCancel.getAndSet(() -> { });
        if (action != null) {
            // The action is the implementation's own code: never on the I/O thread.
            userThreads.execute(action);
        }
    }
}
