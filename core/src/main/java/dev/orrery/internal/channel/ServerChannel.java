package dev.orrery.internal.channel;

import dev.orrery.Codec;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving side of a connection: answers the handshake, checks each call against the limits, hands it
 * to the dispatcher, and sends each answer once.
 */
public final class ServerChannel extends Channel {
    private static final Logger LOG = LoggerFactory.getLogger(ServerChannel.class);

    private final CallDispatcher dispatcher;
    private final TopicReceiver topics;
    /** Topic flows attached by the publisher at the other end, by flow id. */
    private final ConcurrentHashMap<Long, TopicReceiver.Flow> flows = new ConcurrentHashMap<>();
    private final CallTable inFlight = new CallTable();
    private final ConcurrentHashMap<Long, OutboundStream> streams = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> handshakeTimer;
    private volatile boolean handshaken;
    private volatile String peerIdentity = "?";
    private volatile int peerMaxFrameSize = Integer.MAX_VALUE;
    private volatile boolean draining;
    private final CompletableFuture<Void> drained = new CompletableFuture<>();

    /**
     * A server side for a newly accepted connection; the peer has the handshake timeout to say HELLO.
     *
     * @param connection the connection
     * @param context    the node's shared parts
     * @param dispatcher where calls go
     */
    public ServerChannel(Connection connection, ChannelContext context, CallDispatcher dispatcher) {
        this(connection, context, dispatcher, TopicReceiver.NONE);
    }

    /**
     * A server side that also receives topic flows.
     *
     * @param connection the connection
     * @param context    the node's shared parts
     * @param dispatcher where calls go
     * @param topics     where topic flows go
     */
    public ServerChannel(Connection connection, ChannelContext context, CallDispatcher dispatcher,
                         TopicReceiver topics) {
        super(connection, context);
        this.dispatcher = dispatcher;
        this.topics = topics;
        this.handshakeTimer = context.scheduler().schedule(this::handshakeTimedOut,
                context.options().handshakeTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void handshakeTimedOut() {
        if (!handshaken) {
            LOG.warn("closing connection {}: no HELLO within {}", remote(), context.options().handshakeTimeout());
            sendClose(Status.DEADLINE_EXCEEDED, "no HELLO within " + context.options().handshakeTimeout());
            connection.close();
        }
    }

    @Override
    void handle(Frame frame) throws WireException {
        if (!handshaken) {
            hello(frame);
            return;
        }
        switch (frame.type()) {
            case FrameType.CALL, FrameType.ONE_WAY -> call(frame);
            case FrameType.CANCEL -> {
                InboundCall call = inFlight.remove(frame.correlationId());
                if (call != null) {
                    call.cancel();
                    checkDrained();
                }
                OutboundStream stream = streams.remove(frame.correlationId());
                if (stream != null) {
                    stream.cancelled();
                }
            }
            case FrameType.CREDIT -> credit(frame);
            case FrameType.SUBSCRIBE -> {
                if (flows.containsKey(frame.correlationId())) {
                    throw new WireException("flow " + frame.correlationId() + " is already attached");
                }
                TopicReceiver.Flow flow = topics.attach(this, frame.correlationId(), frame);
                if (flow != null) {
                    flows.put(frame.correlationId(), flow);
                }
            }
            case FrameType.PUBLISH -> {
                TopicReceiver.Flow flow = flows.get(frame.correlationId());
                // None: this side ended the flow and the publisher has not heard yet.
                if (flow != null) {
                    flow.message(frame);
                }
            }
            case FrameType.UNSUBSCRIBE -> {
                TopicReceiver.Flow flow = flows.remove(frame.correlationId());
                if (flow != null) {
                    flow.ended(Failure.decode(frame.payloadBuffer(), "UNSUBSCRIBE", true));
                }
            }
            case FrameType.CLOSE -> LOG.debug("{} is going away: {}", remote(), Failure.decode(frame).message());
            case FrameType.HELLO -> throw new WireException("second HELLO after the handshake");
            case FrameType.REPLY, FrameType.ERROR, FrameType.ITEM, FrameType.END, FrameType.ACK -> throw new WireException(
                    "unexpected " + FrameType.name(frame.type()) + " frame from a client");
            default -> throw new WireException("unknown or reserved frame type " + FrameType.name(frame.type()));
        }
    }

    private void credit(Frame frame) throws WireException {
        if (frame.payloadLength() != 4) {
            throw new WireException("CREDIT for a stream carries a u32 count, got " + frame.payloadLength() + " bytes");
        }
        long more = Integer.toUnsignedLong(frame.payloadBuffer().getInt());
        OutboundStream stream = streams.get(frame.correlationId());
        if (stream != null) {
            stream.grant(more);
        }
    }

    OutboundStream openStream(InboundCall call, java.util.concurrent.Executor userThreads) {
        OutboundStream stream = new OutboundStream(this, call.frame().correlationId(), userThreads);
        streams.put(stream.id(), stream);
        return stream;
    }

    int peerMaxFrameSize() {
        return peerMaxFrameSize;
    }

    void streamEnded(OutboundStream stream) {
        streams.remove(stream.id(), stream);
    }

    private void hello(Frame frame) throws WireException {
        if (frame.type() != FrameType.HELLO) {
            throw new WireException("expected HELLO first, got " + FrameType.name(frame.type()));
        }
        Hello hello = Hello.decode(frame);
        if (hello.version() < Hello.VERSION || hello.minVersion() > Hello.VERSION) {
            String message = "protocol versions " + hello.minVersion() + ".." + hello.version()
                    + " are not supported; this server speaks " + Hello.VERSION;
            LOG.warn("refusing connection {}: {}", remote(), message);
            sendClose(Status.FAILED_PRECONDITION, message);
            connection.close();
            return;
        }
        handshakeTimer.cancel(false);
        peerIdentity = hello.identity();
        peerMaxFrameSize = hello.maxFrameSize();
        handshaken = true;
        Hello answer = new Hello(Hello.VERSION, Hello.VERSION, Hello.FEATURES,
                context.options().maxFrameSize(), context.options().maxConcurrentCallsPerConnection(),
                (int) context.options().keepAliveInterval().toMillis(), context.identity());
        connection.send(Frame.of(FrameType.HELLO, 0, answer.encode()));
        startKeepAlive();
        if (draining) {
            sendClose(Status.UNAVAILABLE, "the server is shutting down");
        }
    }

    private void call(Frame frame) {
        long now = context.now();
        long deadline = frame.deadlineMicros() < 0 ? now + context.options().defaultDeadline().toNanos()
                : now + Math.min(frame.deadlineMicros(), Long.MAX_VALUE / 4000) * 1000;
        InboundCall call = new InboundCall(this, frame, now, deadline);
        int inFlightNow = inFlight.add(frame.correlationId(), call);
        if (inFlightNow < 0) {
            protocolError("correlation id " + frame.correlationId() + " is already in flight");
            return;
        }
        if (draining) {
            call.fail(Status.UNAVAILABLE, "the server is shutting down; call another instance", null);
        } else if (inFlightNow > context.options().maxConcurrentCallsPerConnection()) {
            call.fail(Status.RESOURCE_EXHAUSTED, "more than " + context.options().maxConcurrentCallsPerConnection()
                    + " calls in flight on this connection (the limit announced in HELLO)", null);
        } else if (frame.codec() >= 0 && Codec.ofId(frame.codec()) == null) {
            call.fail(Status.INVALID_ARGUMENT, "unknown codec " + frame.codec() + "; this server knows 0 (raw), "
                    + "1 (msgpack) and 2 (json)", null);
        } else if (frame.service() == null || frame.method() == null) {
            call.fail(Status.INVALID_ARGUMENT, "a call needs SERVICE and METHOD headers", null);
        } else {
            dispatcher.dispatch(call);
        }
    }

    /**
     * Sends a call's one answer, unless it was cancelled or already answered.
     *
     * @param call   the call
     * @param answer its REPLY, ERROR or CREDIT
     */
    void answer(InboundCall call, Frame answer) {
        if (inFlight.remove(call.frame().correlationId(), call)) {
            int size = answer.encodedLength() - 4;
            connection.send(size <= peerMaxFrameSize ? answer : Frame.of(FrameType.ERROR,
                    call.frame().correlationId(), Failure.of(Status.RESOURCE_EXHAUSTED, "the reply is a frame of "
                            + size + " bytes; the caller accepts at most " + peerMaxFrameSize).encode()));
            // Only now may a draining connection close: the answer is queued ahead of the close.
            checkDrained();
        }
    }

    private void checkDrained() {
        if (draining && inFlight.isEmpty()) {
            drained.complete(null);
        }
    }

    /**
     * Stops taking calls and tells the client so; completes once the calls in flight are answered.
     *
     * @return completes when nothing is in flight
     */
    public CompletableFuture<Void> drain() {
        draining = true;
        for (OutboundStream stream : streams.values()) {
            stream.end(Failure.of(Status.UNAVAILABLE, "the server is shutting down"));
        }
        if (handshaken) {
            sendClose(Status.UNAVAILABLE, "the server is shutting down");
        }
        checkDrained();
        return drained;
    }

    @Override
    void peerSilent(long silenceNanos) {
        // The connection closes next; closed() cancels what is in flight.
    }

    @Override
    void closed(Throwable cause) {
        handshakeTimer.cancel(false);
        for (InboundCall call : inFlight.clear()) {
            call.cancel();
        }
        for (OutboundStream stream : streams.values()) {
            stream.cancelled();
        }
        streams.clear();
        Failure lost = Failure.of(Status.UNAVAILABLE, "connection to the publisher at " + remote() + " lost"
                + (cause == null ? "" : ": " + cause.getMessage()));
        for (Long id : flows.keySet()) {
            TopicReceiver.Flow flow = flows.remove(id);
            if (flow != null) {
                flow.ended(lost);
            }
        }
        drained.complete(null);
        if (cause != null) {
            LOG.debug("connection {} closed: {}", remote(), cause.toString());
        }
    }

    /**
     * Sends a frame of a topic flow, such as ACK.
     *
     * @param frame the frame
     * @return false when the connection is closed
     */
    public boolean send(Frame frame) {
        return connection.send(frame);
    }

    /**
     * Ends a flow from this side, telling the publisher why.
     *
     * @param flowId   the flow
     * @param why      the reason; {@link Status#OK} when the subscription closed
     * @param attached whether the flow was attached; a refused one was never
     */
    public void endFlow(long flowId, Failure why, boolean attached) {
        if (!attached || flows.remove(flowId) != null) {
            connection.send(Frame.of(FrameType.UNSUBSCRIBE, flowId, why.encode()));
        }
    }

    /** @return the connection */
    public Connection connection() {
        return connection;
    }

    /** @return completes once the connection is closed */
    public CompletableFuture<Void> closeFuture() {
        return closed;
    }

    String peerDescription() {
        return remote() + " (" + peerIdentity + ")";
    }
}
