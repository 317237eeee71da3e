package dev.orrery.internal.channel;

import dev.orrery.Endpoint;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.transport.Transport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one client connection a node keeps to an endpoint, shared by every proxy bound to it. It connects
 * on first use, reconnects on demand after a loss, and waits with exponential backoff between failed
 * attempts, failing calls fast with {@link Status#UNAVAILABLE} meanwhile.
 */
public final class Connector {
    private final Endpoint endpoint;
    private final Transport transport;
    private final ChannelContext context;
    private volatile ClientChannel ready;
    // Guarded by this.
    private CompletableFuture<ClientChannel> connecting;
    private long backoffNanos;
    private long nextAttemptNanos;
    private String lastFailure;
    private boolean closed;

    /**
     * A connector that has not connected yet.
     *
     * @param endpoint  the peer
     * @param transport the transport of its scheme
     * @param context   the node's shared parts
     */
    public Connector(Endpoint endpoint, Transport transport, ChannelContext context) {
        this.endpoint = endpoint;
        this.transport = transport;
        this.context = context;
    }

    /**
     * A usable channel, connecting if needed, on the caller's thread.
     *
     * @param deadlineNanos how long the caller waits, in the clock's nanoseconds
     * @return the channel
     * @throws OrreryException {@link Status#UNAVAILABLE} when the endpoint cannot be reached,
     *                         {@link Status#DEADLINE_EXCEEDED} when connecting takes past the deadline
     */
    public ClientChannel channel(long deadlineNanos) {
        ClientChannel channel = ready();
        return channel != null ? channel : connected(deadlineNanos);
    }

    /**
     * The usable channel, when there is one now.
     *
     * @return the channel, or {@code null} when it must be connected first
     */
    public ClientChannel ready() {
        ClientChannel channel = ready;
        return channel != null && channel.isUsable() ? channel : null;
    }

    private ClientChannel connected(long deadlineNanos) {
        CompletableFuture<ClientChannel> pending = connect();
        try {
            return pending.get(Math.max(0, deadlineNanos - context.now()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new OrreryException(Status.DEADLINE_EXCEEDED, "connecting to " + endpoint
                    + " took longer than the call's deadline");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrreryException(Status.CANCELLED, "interrupted while connecting to " + endpoint);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    /**
     * A usable channel, connecting if needed, without blocking.
     *
     * @return completes with the channel, or fails with an {@link OrreryException}
     */
    public CompletableFuture<ClientChannel> channelAsync() {
        ClientChannel channel = ready();
        if (channel != null) {
            return CompletableFuture.completedFuture(channel);
        }
        return connect().exceptionallyCompose(e -> CompletableFuture.failedFuture(failure(unwrap(e))));
    }

    private synchronized CompletableFuture<ClientChannel> connect() {
        if (closed) {
            return CompletableFuture.failedFuture(new OrreryException(Status.UNAVAILABLE, "the node is closed"));
        }
        ClientChannel channel = ready;
        if (channel != null && channel.isUsable()) {
            return CompletableFuture.completedFuture(channel);
        }
        if (connecting != null && !connecting.isDone()) {
            return connecting;
        }
        long wait = nextAttemptNanos - context.now();
        if (lastFailure != null && wait > 0) {
            return CompletableFuture.failedFuture(new OrreryException(Status.UNAVAILABLE, lastFailure
                    + "; next attempt in " + TimeUnit.NANOSECONDS.toMillis(wait) + " ms"));
        }
        AtomicReference<ClientChannel> created = new AtomicReference<>();
        CompletableFuture<ClientChannel> attempt = transport.connect(endpoint, connection -> {
            ClientChannel fresh = new ClientChannel(connection, context);
            created.set(fresh);
            return fresh;
        }).thenCompose(connection -> created.get().handshake());
        connecting = attempt;
        attempt.whenComplete(this::connected);
        return attempt;
    }

    private synchronized void connected(ClientChannel channel, Throwable error) {
        if (error == null) {
            backoffNanos = 0;
            lastFailure = null;
            ready = channel;
            if (closed) {
                channel.closeGracefully();
            }
            return;
        }
        long min = context.options().reconnectBackoffMin().toNanos();
        long max = context.options().reconnectBackoffMax().toNanos();
        backoffNanos = backoffNanos == 0 ? min : Math.min(max, backoffNanos * 2);
        // Jitter keeps many clients of one restarted server from reconnecting in lockstep.
        long jittered = (long) (backoffNanos * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        nextAttemptNanos = context.now() + jittered;
        lastFailure = failure(unwrap(error)).description();
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
    }

    private OrreryException failure(Throwable cause) {
        if (cause instanceof OrreryException e) {
            return new OrreryException(e.status(), e.description(), cause);
        }
        String message = cause.getMessage() != null ? cause.getMessage() : cause.toString();
        if (!message.contains(endpoint.toString())) {
            message = "cannot connect to " + endpoint + ": " + message;
        }
        return new OrreryException(Status.UNAVAILABLE, message, cause);
    }

    /**
     * Closes the connection gracefully; later calls fail with {@link Status#UNAVAILABLE}.
     *
     * @return completes once closed
     */
    public CompletableFuture<Void> close() {
        ClientChannel channel;
        synchronized (this) {
            closed = true;
            channel = ready;
        }
        return channel == null ? CompletableFuture.completedFuture(null) : channel.closeGracefully();
    }

    /**
     * Whether a call here may succeed now: connected, or not waiting out a backoff after a failed connect.
     *
     * @return false while the endpoint is known to be unreachable
     */
    public boolean available() {
        ClientChannel channel = ready;
        if (channel != null && channel.isUsable()) {
            return true;
        }
        synchronized (this) {
            return !closed && (lastFailure == null || nextAttemptNanos - context.now() <= 0);
        }
    }

    /** @return calls in flight on this endpoint's connection, for least-outstanding balancing */
    public int outstanding() {
        ClientChannel channel = ready;
        return channel == null ? 0 : channel.inFlight();
    }

    /** @return the endpoint */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** @return the current channel, or {@code null}; for tests */
    public ClientChannel current() {
        return ready;
    }
}
