package dev.orrery.internal.channel;

import dev.orrery.Codec;
import dev.orrery.Status;
import dev.orrery.internal.wire.Failure;
import dev.orrery.internal.wire.Frame;
import dev.orrery.internal.wire.FrameType;

/**
 * A call a server received and has not answered. Exactly one answer is sent, and none once the call is
 * cancelled; a one-way call's answer is the CREDIT that releases the caller's slot.
 */
public final class InboundCall {
    private final ServerChannel channel;
    private final Frame frame;
    private final long deadlineNanos;
    private final long receivedNanos;
    private volatile boolean cancelled;
    private volatile Thread runner;

    InboundCall(ServerChannel channel, Frame frame, long receivedNanos, long deadlineNanos) {
        this.channel = channel;
        this.frame = frame;
        this.receivedNanos = receivedNanos;
        this.deadlineNanos = deadlineNanos;
    }

    /** @return the frame that carried the call: headers and arguments */
    public Frame frame() {
        return frame;
    }

    /** @return whether no reply is expected */
    public boolean oneWay() {
        return frame.type() == FrameType.ONE_WAY;
    }

    /** @return the absolute deadline, in the clock's nanoseconds */
    public long deadlineNanos() {
        return deadlineNanos;
    }

    /** @return when the call was received, in the clock's nanoseconds */
    public long receivedNanos() {
        return receivedNanos;
    }

    /** @return the caller's address and identity */
    public String peer() {
        return channel.peerDescription();
    }

    /** @return whether the caller gave up, or the connection closed */
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Names the thread running the handler, so that a cancel can interrupt it.
     *
     * @param thread the thread, or {@code null} once the handler returned
     */
    public void runningOn(Thread thread) {
        runner = thread;
        if (thread != null && cancelled) {
            thread.interrupt();
        }
    }

    /**
     * Opens the stream this call starts, before its handler runs, so that credit the caller sends at once
     * finds it.
     *
     * @param userThreads where the implementation's cancel action runs
     * @return the stream's sending side
     */
    public OutboundStream openStream(java.util.concurrent.Executor userThreads) {
        return channel.openStream(this, userThreads);
    }

    void cancel() {
        cancelled = true;
        Thread thread = runner;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /**
     * Answers with a result.
     *
     * @param codec   the result's codec
     * @param payload the encoded result
     */
    public void reply(Codec codec, byte[] payload) {
        answer(oneWay() ? Frame.empty(FrameType.CREDIT, frame.correlationId())
                : Frame.reply(frame.correlationId(), codec, payload));
    }

    /**
     * Answers with a failure.
     *
     * @param status     the status
     * @param message    what went wrong
     * @param remoteType the exception class name, or {@code null}
     */
    public void fail(Status status, String message, String remoteType) {
        answer(oneWay() ? Frame.empty(FrameType.CREDIT, frame.correlationId())
                : Frame.of(FrameType.ERROR, frame.correlationId(),
                        new Failure(status, message, remoteType == null ? "" : remoteType).encode()));
    }

    private void answer(Frame answer) {
        channel.answer(this, answer);
    }
}
