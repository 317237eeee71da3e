package dev.orrery.internal.channel;

import dev.orrery.Status;
import dev.orrery.internal.wire.Failure;
import dev.orrery.internal.wire.Frame;
import dev.orrery.internal.wire.FrameType;
import dev.orrery.internal.wire.Hello;
import dev.orrery.internal.wire.WireException;
import dev.orrery.transport.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calling side of a connection: sends calls within the slot window and matches replies to them.
 * Callers start calls from any thread; replies arrive on the I/O thread, which only completes futures.
 */
public final class ClientChannel extends Channel {
    private static final Logger LOG = LoggerFactory.getLogger(ClientChannel.class);

    private final CompletableFuture<ClientChannel> handshake = new CompletableFuture<>();
    private volatile SlotTable slots;
    private volatile int peerMaxFrameSize;
    private volatile String peerIdentity = "?";
    private volatile int peerFeatures;
    /** Set when the peer said CLOSE or the connection ended: no new calls. */
    private volatile String goneReason;
    /** Set first thing when the connection has closed, before the calls in flight are failed. */
    private volatile boolean dead;
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    /** Whether calls other than the one being waited for are in flight: made once, asked per sync call. */
    private final BooleanSupplier othersWaiting;
    /** Frames of other flows and calls may come while a publisher reads: the transport's thread goes on after. */
    private static final BooleanSupplier ALWAYS = () -> true;
    /** Open streams by correlation id: their values arrive after the opening call's slot is free again. */
    private final ConcurrentHashMap<Long, InboundStream> streams = new ConcurrentHashMap<>();
    /** Topic flows this side publishes on, by flow id: a numbering of their own, apart from calls. */
    private final ConcurrentHashMap<Long, FlowListener> flows = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong lastFlowId = new java.util.concurrent.atomic.AtomicLong();

    /**
     * A client side for a newly opened connection; {@link #handshake()} sends HELLO.
     *
     * @param connection the connection
     * @param context    the node's shared parts
     */
    public ClientChannel(Connection connection, ChannelContext context) {
        super(connection, context);
        this.othersWaiting = () -> {
            SlotTable table = slots;
            return table != null && table.inFlightEstimate() > 0;
        };
    }

    /**
     * Sends HELLO and waits for the server's.
     *
     * @return completes with this channel once the server has answered, or fails with the reason
     */
    public CompletableFuture<ClientChannel> handshake() {
        Hello hello = new Hello(Hello.VERSION, Hello.VERSION, Hello.FEATURES,
                context.options().maxFrameSize(), 0,
                (int) context.options().keepAliveInterval().toMillis(), context.identity());
        connection.send(Frame.of(FrameType.HELLO, 0, hello.encode()));
        long timeout = context.options().handshakeTimeout().toNanos();
        ScheduledFuture<?> timer = context.scheduler().schedule(() -> {
            if (handshake.completeExceptionally(new ChannelException(Status.UNAVAILABLE, "no handshake from "
                    + remote() + " within " + context.options().handshakeTimeout() + "; is it an Orrery node?"))) {
                connection.close();
            }
        }, timeout, TimeUnit.NANOSECONDS);
        handshake.whenComplete((channel, failure) -> timer.cancel(false));
        return handshake;
    }

    @Override
    void handle(Frame frame) throws WireException {
        if (!handshake.isDone()) {
            handshakeReply(frame);
            return;
        }
        switch (frame.type()) {
            case FrameType.REPLY, FrameType.CREDIT -> finish(frame.correlationId(), frame);
            case FrameType.ERROR -> finish(frame.correlationId(), Failure.decode(frame));
            case FrameType.ITEM -> {
                InboundStream stream = streams.get(frame.correlationId());
                if (stream != null) {
                    stream.item(frame);
                }
            }
            case FrameType.END -> {
                InboundStream stream = streams.remove(frame.correlationId());
                if (stream != null) {
                    stream.end(InboundStream.endOf(frame));
                }
            }
            case FrameType.ACK -> {
                FlowListener flow = flows.get(frame.correlationId());
                if (flow != null) {
                    flow.acked(frame);
                }
            }
            case FrameType.UNSUBSCRIBE -> {
                FlowListener flow = flows.remove(frame.correlationId());
                if (flow != null) {
                    flow.ended(Failure.decode(frame.payloadBuffer(), "UNSUBSCRIBE", true), false);
                }
            }
            case FrameType.CLOSE -> goingAway(Failure.decode(frame));
            case FrameType.HELLO -> throw new WireException("second HELLO after the handshake");
            default -> throw new WireException("unexpected " + FrameType.name(frame.type()) + " frame from a server");
        }
    }

    private void handshakeReply(Frame frame) throws WireException {
        if (frame.type() == FrameType.CLOSE) {
            Failure refusal = Failure.decode(frame);
            handshake.completeExceptionally(new ChannelException(refusal.status(), remote() + " refused the "
                    + "connection: " + refusal.message()));
            connection.close();
            return;
        }
        if (frame.type() != FrameType.HELLO) {
            throw new WireException("expected HELLO, got " + FrameType.name(frame.type()));
        }
        Hello hello = Hello.decode(frame);
        if (hello.version() != Hello.VERSION) {
            throw new WireException("server chose protocol version " + hello.version() + "; this client speaks "
                    + Hello.VERSION);
        }
        peerMaxFrameSize = hello.maxFrameSize();
        peerIdentity = hello.identity();
        peerFeatures = hello.features();
        int window = Math.min(context.options().slotWindow(), Math.max(1, hello.maxInFlight()));
        slots = new SlotTable(window, context.options().maxQueuedCalls());
        startKeepAlive();
        handshake.complete(this);
    }

    /**
     * Lets the caller of a sync call receive its reply on its own thread where the transport can: see
     * {@link Connection#awaitInbound}.
     *
     * @param call the call being waited for
     */
    public void awaitInbound(PendingCall call) {
        if (!call.isDone()) {
            connection.awaitInbound(call::isDone, othersWaiting, call.deadlineNanos());
        }
    }

    /**
     * Lets a publisher that waits for releases read them itself where the transport can, as a sync caller does
     * its reply: see {@link Connection#awaitInbound}.
     *
     * @param done          whether it has what it waits for
     * @param deadlineNanos when it stops waiting, in {@link System#nanoTime()} units
     */
    public void awaitInbound(BooleanSupplier done, long deadlineNanos) {
        if (!done.getAsBoolean()) {
            connection.awaitInbound(done, ALWAYS, deadlineNanos);
        }
    }

    /**
     * Starts a call: sends it when a slot is free, queues it otherwise, or fails it.
     *
     * @param call the call
     */
    public void start(PendingCall call) {
        String gone = goneReason;
        if (gone != null) {
            call.fail(Status.UNAVAILABLE, gone);
            return;
        }
        int size = call.frameSize();
        if (size > peerMaxFrameSize) {
            call.fail(Status.RESOURCE_EXHAUSTED, "the call is a frame of " + size + " bytes; " + remote()
                    + " accepts at most " + peerMaxFrameSize);
            return;
        }
        long clock = call.clockNanos;
        call.clockNanos = PendingCall.NO_CLOCK;
        switch (slots.admit(call)) {
            case SEND -> send(call, clock == PendingCall.NO_CLOCK ? context.now() : clock);
            case WAIT -> {
                // Sent by whoever frees a slot; failed at its deadline if none frees in time.
            }
            case REFUSE -> call.fail(Status.RESOURCE_EXHAUSTED, "all " + slots.window() + " slots of the "
                    + "connection to " + remote() + " are in flight and " + context.options().maxQueuedCalls()
                    + " callers already wait for one");
        }
        if (dead) {
            // The connection closed while the call was being admitted; make sure it is not stranded.
            failAll(Status.UNAVAILABLE, goneReason);
        }
    }

    private void send(PendingCall call, long now) {
        if (now - call.deadlineNanos >= 0) {
            if (slots.remove(call)) {
                call.fail(Status.DEADLINE_EXCEEDED, "the deadline passed before the call could be sent to "
                        + remote());
                sendWaiting();
            }
            return;
        }
        InboundStream stream = call.stream();
        if (stream != null) {
            // Registered before the CALL goes out: the server may send values before it answers.
            streams.put(call.id, stream);
        }
        if (!connection.send(call.frame(now)) && slots.remove(call)) {
            streams.remove(call.id);
            call.fail(Status.UNAVAILABLE, "connection to " + remote() + " is closed");
        } else if (stream != null) {
            stream.opened(this, call.id);
        }
        call.signalSent();
    }

    private void sendWaiting() {
        PendingCall next;
        while ((next = slots.nextWaiting()) != null) {
            send(next, context.now());
        }
    }

    private void finish(long id, Object outcome) {
        PendingCall call = slots.complete(id);
        if (call == null) {
            return;
        }
        sendWaiting();
        if (outcome instanceof Frame frame && frame.type() == FrameType.CREDIT) {
            call.complete(call.oneWay ? null : Failure.of(Status.INTERNAL, remote()
                    + " answered a call with CREDIT instead of REPLY or ERROR"));
        } else {
            if (!(outcome instanceof Frame) && call.stream() != null) {
                // The stream was refused: the caller gets the error, its sink nothing.
                streams.remove(id);
            }
            call.complete(call.oneWay ? null : outcome);
        }
        if (goneReason != null && slots.inFlightCount() == 0) {
            drained.complete(null);
        }
    }

    /**
     * Gives up on a call whose deadline passed or whose caller was interrupted; tells the server to cancel
     * it when it was already sent.
     *
     * @param call   the call
     * @param status {@link Status#DEADLINE_EXCEEDED} or {@link Status#CANCELLED}
     * @return false when the call had already completed
     */
    public boolean abandon(PendingCall call, Status status) {
        if (!slots.remove(call)) {
            return false;
        }
        if (call.slot >= 0) {
            if (call.stream() != null) {
                streams.remove(call.id);
            }
            connection.send(Frame.empty(FrameType.CANCEL, call.id));
            sendWaiting();
            call.fail(status, status == Status.CANCELLED ? "the call to " + remote() + " was cancelled"
                    : "no reply from " + remote() + " within the deadline");
        } else {
            call.fail(status == Status.CANCELLED ? status : Status.RESOURCE_EXHAUSTED, status == Status.CANCELLED
                    ? "the call was cancelled while waiting for a slot"
                    : "no slot became free within the deadline: all " + slots.window() + " slots of the connection to "
                    + remote() + " were in flight");
        }
        return true;
    }

    private void goingAway(Failure failure) {
        goneReason = remote() + " is going away: " + failure.message();
        LOG.debug("{}", goneReason);
        for (PendingCall waiting : slots.clear(true)) {
            waiting.fail(Status.UNAVAILABLE, goneReason);
        }
        if (slots.inFlightCount() == 0) {
            drained.complete(null);
            connection.close();
        } else {
            drained.thenRun(connection::close);
        }
    }

    @Override
    void peerSilent(long silenceNanos) {
        goneReason = "connection to " + remote() + " lost: no frame for "
                + TimeUnit.NANOSECONDS.toMillis(silenceNanos) + " ms";
    }

    @Override
    void closed(Throwable cause) {
        dead = true;
        String reason = goneReason != null && goneReason.startsWith("connection to") ? goneReason
                : "connection to " + remote() + " lost" + (cause == null ? "" : ": " + cause.getMessage());
        goneReason = reason;
        handshake.completeExceptionally(new ChannelException(Status.UNAVAILABLE, reason));
        failAll(Status.UNAVAILABLE, reason);
        drained.complete(null);
    }

    void cancelStream(long id, InboundStream stream) {
        if (streams.remove(id, stream)) {
            connection.send(Frame.empty(FrameType.CANCEL, id));
        }
    }

    /**
     * Attaches a topic flow: sends its SUBSCRIBE frame.
     *
     * @param listener hears the flow's ACK frames and its end
     * @param attach   makes the SUBSCRIBE frame for the flow id
     * @return the flow id, or -1 when the connection is closed
     * @throws dev.orrery.OrreryException {@link Status#UNAVAILABLE} when the peer did not announce topics
     */
    public long openFlow(FlowListener listener, java.util.function.LongFunction<Frame> attach) {
        if ((peerFeatures & Hello.FEATURE_TOPICS) == 0) {
            throw new dev.orrery.OrreryException(Status.UNAVAILABLE, remote() + " (" + peerIdentity + ") does not "
                    + "take topic flows: its HELLO lacks the TOPICS feature");
        }
        long id = lastFlowId.incrementAndGet();
        flows.put(id, listener);
        if (dead || !connection.send(attach.apply(id))) {
            flows.remove(id);
            return -1;
        }
        return id;
    }

    /**
     * Sends a frame of a topic flow, such as PUBLISH.
     *
     * @param frame the frame
     * @return false when the connection is closed
     */
    public boolean sendOnFlow(Frame frame) {
        return connection.send(frame);
    }

    /**
     * Ends a flow from this side, telling the subscriber why.
     *
     * @param flowId the flow
     * @param why    {@link Status#OK} when the publisher closed, or why it cut the subscriber off
     */
    public void endFlow(long flowId, Failure why) {
        if (flows.remove(flowId) != null) {
            connection.send(Frame.of(FrameType.UNSUBSCRIBE, flowId, why.encode()));
        }
    }

    private void failAll(Status status, String reason) {
        Failure lost = Failure.of(status, reason);
        for (Long id : flows.keySet()) {
            FlowListener flow = flows.remove(id);
            if (flow != null) {
                flow.ended(lost, true);
            }
        }
        for (Long id : streams.keySet()) {
            InboundStream stream = streams.remove(id);
            if (stream != null) {
                stream.failLocally(status, reason);
            }
        }
        SlotTable table = slots;
        if (table != null) {
            for (PendingCall call : table.clear(false)) {
                call.fail(status, reason);
            }
        }
    }

    /**
     * Stops taking calls, waits for those in flight up to a grace period, then closes.
     *
     * @return completes once the connection is closed
     */
    public CompletableFuture<Void> closeGracefully() {
        if (goneReason == null) {
            goneReason = "the local node is closing";
        }
        for (Long id : streams.keySet()) {
            InboundStream stream = streams.get(id);
            if (stream != null) {
                cancelStream(id, stream);
                stream.failLocally(Status.CANCELLED, goneReason);
            }
        }
        SlotTable table = slots;
        if (table == null || table.inFlightCount() == 0) {
            drained.complete(null);
        }
        drained.orTimeout(context.options().shutdownGrace().toNanos(), TimeUnit.NANOSECONDS)
                .whenComplete((done, timeout) -> connection.close());
        return closed;
    }

    /** @return whether new calls may start on this channel */
    public boolean isUsable() {
        return goneReason == null && handshake.isDone() && !handshake.isCompletedExceptionally();
    }

    /** @return calls in flight, for tests and metrics */
    public int inFlight() {
        SlotTable table = slots;
        return table == null ? 0 : table.inFlightCount();
    }

    /** @return the largest frame the server accepts, from its HELLO */
    public int peerMaxFrameSize() {
        return peerMaxFrameSize;
    }

    /** @return the slot window agreed in the handshake */
    public int window() {
        return slots.window();
    }

    /** @return the server's identity from its HELLO */
    public String peerIdentity() {
        return peerIdentity;
    }

    /** @return the server's address */
    public String remoteAddress() {
        return remote();
    }

    /** @return completes once the connection is closed */
    public CompletableFuture<Void> closeFuture() {
        return closed;
    }
}
