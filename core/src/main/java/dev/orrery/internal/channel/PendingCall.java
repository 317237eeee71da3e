package dev.orrery.internal.channel;

import dev.orrery.Codec;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.internal.wire.Failure;
import dev.orrery.internal.wire.Frame;
import dev.orrery.internal.wire.FrameType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A call a client has started and not finished. It completes with the REPLY {@link Frame} or with a
 * {@link Failure}: never exceptionally, so that the I/O thread that completes it builds no exception and
 * captures no stack trace; the caller turns a failure into an {@link OrreryException} on its own thread.
 */
public final class PendingCall extends CompletableFuture<Object> {
    /** Longest service or method name: far below the 65,535 bytes a header can hold. */
    private static final int MAX_NAME = 1024;
    /** {@link #clockNanos} when the call has no recent reading of the clock. */
    public static final long NO_CLOCK = Long.MIN_VALUE;
    final boolean oneWay;
    final long deadlineNanos;
    final Codec codec;
    final byte[] service;
    final byte[] method;
    final byte[] payload;

    /**
     * The clock as the caller read it to set the deadline, which the call is sent with when it is sent at once;
     * {@link #NO_CLOCK} when time may have passed since (a connection was made first, or the call waited for a
     * slot), and the channel reads the clock itself.
     */
    long clockNanos;
    /** The slot it holds, -1 while waiting for one. Written under the slot table's lock. */
    int slot = -1;
    /** The correlation id it was sent with, 0 before. Written under the slot table's lock. */
    volatile long id;
    /** For a stream method: where its values go once it is open; {@code null} for other calls. */
    private volatile InboundStream stream;
    /** Completes once the call is written, for one-way callers that wait for a slot; created on demand. */
    private volatile CompletableFuture<Void> sent;

    /**
     * A call about to start.
     *
     * @param oneWay        whether no reply is expected (the slot is released by a CREDIT)
     * @param deadlineNanos absolute deadline in nanoTime units
     * @param codec         codec of the payload
     * @param service       service name, UTF-8
     * @param method        method name, UTF-8
     * @param payload       encoded arguments
     */
    public PendingCall(boolean oneWay, long deadlineNanos, Codec codec, byte[] service, byte[] method,
                       byte[] payload) {
        this(oneWay, NO_CLOCK, deadlineNanos, codec, service, method, payload);
    }

    /**
     * A call about to start, with the reading of the clock its deadline was set from, which spares the channel
     * reading it again when it sends the call at once.
     *
     * @param oneWay        whether no reply is expected (the slot is released by a CREDIT)
     * @param clockNanos    the clock when the deadline was set, or {@link #NO_CLOCK}
     * @param deadlineNanos absolute deadline in nanoTime units
     * @param codec         codec of the payload
     * @param service       service name, UTF-8
     * @param method        method name, UTF-8
     * @param payload       encoded arguments
     */
    public PendingCall(boolean oneWay, long clockNanos, long deadlineNanos, Codec codec, byte[] service,
                       byte[] method, byte[] payload) {
        if (service.length > MAX_NAME || method.length > MAX_NAME) {
            throw new OrreryException(Status.INVALID_ARGUMENT, "service and method names are limited to "
                    + MAX_NAME + " bytes; got " + service.length + " and " + method.length);
        }
        this.oneWay = oneWay;
        this.clockNanos = clockNanos;
        this.deadlineNanos = deadlineNanos;
        this.codec = codec;
        this.service = service;
        this.method = method;
        this.payload = payload;
    }

    /**
     * The frame to send, once the call has a correlation id.
     *
     * @param nowNanos the current time, to turn the deadline into the time the callee may take
     * @return the CALL or ONE_WAY frame
     */
    Frame frame(long nowNanos) {
        long micros = Math.max(0, (deadlineNanos - nowNanos) / 1000);
        return Frame.call(oneWay ? FrameType.ONE_WAY : FrameType.CALL, id, micros, codec, service, method, payload);
    }

    /** Forgets the clock reading the call was made with: time has passed since, such as a connection's set-up. */
    public void clockStale() {
        clockNanos = NO_CLOCK;
    }

    /** @return the size of the frame that will carry this call, length prefix excluded */
    int frameSize() {
        return Frame.callSize(service, method, payload.length);
    }

    /**
     * Makes this the opening call of a stream.
     *
     * @param values where the stream's values go
     * @return this call
     */
    public PendingCall streamingTo(InboundStream values) {
        this.stream = values;
        return this;
    }

    /** @return where a stream call's values go, or {@code null} for other calls */
    public InboundStream stream() {
        return stream;
    }

    /** @return the absolute deadline in the clock's nanoseconds */
    public long deadlineNanos() {
        return deadlineNanos;
    }

    /** @return whether the call has been written to the connection */
    public boolean isSent() {
        return id != 0;
    }

    void fail(Status status, String message) {
        complete(Failure.of(status, message));
        signalSent();
    }

    void signalSent() {
        CompletableFuture<Void> signal = sent;
        if (signal != null) {
            signal.complete(null);
        }
    }

    /**
     * Waits until the call is written or has failed: what a one-way caller waits for.
     *
     * @param timeoutNanos how long at most
     * @throws InterruptedException when interrupted
     */
    public void awaitSent(long timeoutNanos) throws InterruptedException {
        if (isDone() || id != 0) {
            return;
        }
        CompletableFuture<Void> signal;
        synchronized (this) {
            signal = sent;
            if (signal == null) {
                signal = new CompletableFuture<>();
                sent = signal;
            }
        }
        if (id != 0 || isDone()) {
            return;
        }
        try {
            signal.get(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // The caller checks isDone() and the deadline next; a timeout is reported there.
            return;
        }
    }

    /**
     * The reply, or an exception for the failure, on the caller's thread.
     *
     * @param outcome what the call completed with
     * @return the REPLY frame
     * @throws OrreryException for a failure
     */
    public static Frame replyOrThrow(Object outcome) {
        if (outcome instanceof Frame frame) {
            if (frame.payloadCodec() == null) {
                throw new OrreryException(Status.INTERNAL, "the reply names codec " + frame.codec()
                        + ", which this client does not know");
            }
            return frame;
        }
        throw ((Failure) outcome).toException();
    }
}
