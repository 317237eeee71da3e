package dev.orrery.internal.rpc;

import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.internal.channel.ChannelContext;
import dev.orrery.internal.channel.ClientChannel;
import dev.orrery.internal.channel.Connector;
import dev.orrery.internal.channel.PendingCall;
import dev.orrery.internal.wire.Failure;
import dev.orrery.internal.wire.Frame;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs client calls: sync on the caller's thread, async with a timer for the deadline, one-way until
 * written. Every failure reaches the caller as an {@link OrreryException} built on the caller's side.
 */
final class Invocations {
    private final ChannelContext context;
    private final Executor callbackExecutor;

    Invocations(ChannelContext context, Executor callbackExecutor) {
        this.context = context;
        this.callbackExecutor = callbackExecutor;
    }

    /** @return where async results and stream values are delivered */
    Executor callbackExecutor() {
        return callbackExecutor;
    }

    /**
     * Makes a call and waits for its reply on this thread.
     *
     * @param connector the endpoint's connector
     * @param call      the call
     * @return the REPLY frame
     */
    Frame callSync(Connector connector, PendingCall call) {
        ClientChannel channel = channel(connector, call);
        channel.start(call);
        channel.awaitInbound(call);
        if (call.isDone()) {
            // Delivered while this thread read the connection: no clock, no wait.
            return PendingCall.replyOrThrow(call.join());
        }
        Object outcome;
        try {
            outcome = call.get(Math.max(0, call.deadlineNanos() - context.now()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            channel.abandon(call, Status.DEADLINE_EXCEEDED);
            outcome = call.join();
        } catch (InterruptedException e) {
            channel.abandon(call, Status.CANCELLED);
            Thread.currentThread().interrupt();
            outcome = call.join();
        } catch (ExecutionException e) {
            throw new OrreryException(Status.INTERNAL, "a pending call failed unexpectedly", e.getCause());
        }
        return PendingCall.replyOrThrow(outcome);
    }

    /** The connector's channel, connecting first if needed, after which the call's clock reading is stale. */
    private static ClientChannel channel(Connector connector, PendingCall call) {
        ClientChannel channel = connector.ready();
        if (channel == null) {
            channel = connector.channel(call.deadlineNanos());
            call.clockStale();
        }
        return channel;
    }

    /**
     * Makes a call whose reply completes a future, decoded on the callback executor.
     *
     * @param connector the endpoint's connector
     * @param call      the call
     * @param decode    turns the reply into the result
     * @param <T>       the result type
     * @return the result, later
     */
    <T> CompletableFuture<T> callAsync(Connector connector, PendingCall call, Function<Frame, T> decode) {
        long delay = Math.max(0, call.deadlineNanos() - context.now());
        CompletableFuture<ClientChannel> channel = connector.channelAsync();
        if (!channel.isDone()) {
            call.clockStale();
        }
        ScheduledFuture<?> timer = context.scheduler().schedule(() -> {
            ClientChannel current = channel.getNow(null);
            if (current == null || !current.abandon(call, Status.DEADLINE_EXCEEDED)) {
                call.complete(Failure.of(Status.DEADLINE_EXCEEDED,
                        "no reply within the deadline"));
            }
        }, delay, TimeUnit.NANOSECONDS);
        call.whenComplete((outcome, error) -> timer.cancel(false));
        channel.whenComplete((ready, error) -> {
            if (error != null) {
                Throwable cause = Failures.unwrap(error);
                call.complete(cause instanceof OrreryException failure
                        ? Failure.of(failure.status(), failure.description())
                        : Failure.of(Status.UNAVAILABLE, "cannot connect: " + cause));
            } else {
                ready.start(call);
            }
        });
        return call.thenApplyAsync(outcome -> decode.apply(PendingCall.replyOrThrow(outcome)), callbackExecutor);
    }

    /**
     * Sends a one-way call, waiting only until it is written (which may wait for a slot).
     *
     * @param connector the endpoint's connector
     * @param call      the call
     */
    void sendOneWay(Connector connector, PendingCall call) {
        ClientChannel channel = channel(connector, call);
        channel.start(call);
        try {
            call.awaitSent(call.deadlineNanos() - context.now());
        } catch (InterruptedException e) {
            channel.abandon(call, Status.CANCELLED);
            Thread.currentThread().interrupt();
        }
        if (!call.isSent() && !call.isDone()) {
            channel.abandon(call, Status.DEADLINE_EXCEEDED);
        }
        if (call.getNow(null) instanceof Failure failure) {
            throw failure.toException();
        }
    }
}
