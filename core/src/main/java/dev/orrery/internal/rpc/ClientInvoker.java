package dev.orrery.internal.rpc;

import dev.orrery.CallContext;
import dev.orrery.Calls;
import dev.orrery.Codec;
import dev.orrery.OrreryException;
import dev.orrery.Sink;
import dev.orrery.Status;
import dev.orrery.Subscription;
import dev.orrery.internal.channel.Connector;
import dev.orrery.internal.channel.InboundStream;
import dev.orrery.internal.channel.PendingCall;
import dev.orrery.internal.wire.Frame;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

/**
 * The proxy behind a service interface: turns each method call into a remote call to one of its targets,
 * and tries another target when that is safe.
 *
 * <p>A failed attempt is retried elsewhere, within the call's deadline, when the request was never sent, or
 * when the method is {@link dev.orrery.Idempotent} and the target became unavailable.
 */
public final class ClientInvoker implements InvocationHandler {
    /** Values a stream's server may send ahead of the caller's sink; credit is renewed as they are consumed. */
    static final int STREAM_WINDOW = 64;

    private final ServiceDescriptor service;
    private final Targets targets;
    private final Invocations invocations;
    private final long proxyDeadlineNanos;
    private final long nodeDeadlineNanos;
    /** The method the last call was to, as the proxy passes it: most calls repeat it. */
    private volatile Resolved lastMethod;

    /** A method the proxy passed, and its descriptor. */
    private record Resolved(Method method, MethodDescriptor descriptor) {
    }

    private ClientInvoker(ServiceDescriptor service, Targets targets, Invocations invocations,
                          long proxyDeadlineNanos, long nodeDeadlineNanos) {
        this.service = service;
        this.targets = targets;
        this.invocations = invocations;
        this.proxyDeadlineNanos = proxyDeadlineNanos;
        this.nodeDeadlineNanos = nodeDeadlineNanos;
    }

    static <T> T proxy(Class<T> type, Targets targets, Invocations invocations, long proxyDeadlineNanos,
                       long nodeDeadlineNanos) {
        ServiceDescriptor descriptor = ServiceDescriptor.of(type);
        ClientInvoker invoker = new ClientInvoker(descriptor, targets, invocations, proxyDeadlineNanos,
                nodeDeadlineNanos);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, invoker));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Resolved last = lastMethod;
        MethodDescriptor descriptor;
        if (last != null && last.method == method) {
            descriptor = last.descriptor;
        } else {
            descriptor = service.method(method);
            if (descriptor == null) {
                return local(proxy, method, args);
            }
            lastMethod = new Resolved(method, descriptor);
        }
        long now = System.nanoTime();
        long deadline = deadline(descriptor, now);
        return switch (descriptor.kind()) {
            case SYNC -> {
                Frame reply = callSync(descriptor, now, deadline,
                        descriptor.encodeArguments(descriptor.codec(), args));
                yield descriptor.decodeResult(reply.payloadCodec(), reply.payload());
            }
            case ASYNC -> callAsync(descriptor, deadline, descriptor.encodeArguments(descriptor.codec(), args),
                    new HashSet<>(), null);
            case ONE_WAY -> {
                sendOneWay(descriptor, now, deadline, descriptor.encodeArguments(descriptor.codec(), args));
                yield null;
            }
            case STREAM -> openStream(descriptor, now, deadline, args);
        };
    }

    private Frame callSync(MethodDescriptor descriptor, long now, long deadline, byte[] payload) {
        return withRetries(descriptor, deadline, clock -> newCall(descriptor, clock, deadline, payload),
                now, invocations::callSync);
    }

    /** One attempt of a call on one target. */
    @FunctionalInterface
    private interface Attempt<R> {
        R run(Connector target, PendingCall call);
    }

    /**
     * Runs attempts on one target after another until one succeeds or a failure may not be retried.
     *
     * @param calls makes an attempt's call, given the clock reading it may be sent with, or
     *              {@link PendingCall#NO_CLOCK}
     * @param now   the clock reading the deadline was set from, which the first attempt may use
     */
    private <R> R withRetries(MethodDescriptor descriptor, long deadline, LongFunction<PendingCall> calls,
                              long now, Attempt<R> attempt) {
        // Most calls succeed at once: the set of tried targets is made only when one fails.
        Set<Connector> tried = Set.of();
        OrreryException last = null;
        while (true) {
            // The first attempt may be sent with the clock reading of the deadline, unless the pick waits.
            long clock = tried.isEmpty() && targets.known() ? now : PendingCall.NO_CLOCK;
            Connector target = targets.pick(tried, deadline);
            if (target == null) {
                throw last != null ? last : nowhere(service.name());
            }
            PendingCall call = calls.apply(clock);
            try {
                return attempt.run(target, call);
            } catch (OrreryException e) {
                if (!retryable(e, call, descriptor, deadline)) {
                    throw e;
                }
                if (tried.isEmpty()) {
                    tried = new HashSet<>();
                }
                tried.add(target);
                last = e;
            }
        }
    }

    private CompletableFuture<Object> callAsync(MethodDescriptor descriptor, long deadline, byte[] payload,
                                                Set<Connector> tried, OrreryException last) {
        Connector target;
        try {
            target = targets.pick(tried, deadline);
        } catch (OrreryException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (target == null) {
            return CompletableFuture.failedFuture(last != null ? last : nowhere(service.name()));
        }
        PendingCall call = newCall(descriptor, PendingCall.NO_CLOCK, deadline, payload);
        return invocations.callAsync(target, call,
                        reply -> descriptor.decodeResult(reply.payloadCodec(), reply.payload()))
                .exceptionallyCompose(error -> {
                    Throwable cause = Failures.unwrap(error);
                    if (cause instanceof OrreryException failure && retryable(failure, call, descriptor, deadline)) {
                        tried.add(target);
                        return callAsync(descriptor, deadline, payload, tried, failure);
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }

    private void sendOneWay(MethodDescriptor descriptor, long now, long deadline, byte[] payload) {
        withRetries(descriptor, deadline, clock -> newCall(descriptor, clock, deadline, payload), now,
                (target, call) -> {
            invocations.sendOneWay(target, call);
            return null;
        });
    }

    /** Opens a stream: the call's REPLY says it is open; its values then go to the caller's sink. */
    private Subscription openStream(MethodDescriptor descriptor, long now, long deadline, Object[] args) {
        Object sink = args[args.length - 1];
        if (sink == null) {
            throw new IllegalArgumentException(descriptor.name() + " needs a Sink to receive its values, got null");
        }
        byte[] payload = descriptor.encodeArguments(descriptor.codec(), Arrays.copyOf(args, args.length - 1));
        LongFunction<PendingCall> calls = clock -> newCall(descriptor, clock, deadline, payload).streamingTo(
                new InboundStream(
                (Sink<?>) sink, item -> descriptor.decodeResult(item.payloadCodec(), item.payload()),
                invocations.callbackExecutor(), STREAM_WINDOW));
        return withRetries(descriptor, deadline, calls, now, (target, call) -> {
            invocations.callSync(target, call);
            return call.stream()::close;
        });
    }

    private PendingCall newCall(MethodDescriptor descriptor, long clock, long deadline, byte[] payload) {
        return new PendingCall(descriptor.kind() == MethodKind.ONE_WAY, clock, deadline, descriptor.codec(),
                service.nameBytes(), descriptor.nameBytes(), payload);
    }

    /**
     * Whether another target may get the call: never past the deadline; when the request never left this
     * node; or, for idempotent methods, when the target became unavailable after it was sent.
     */
    private static boolean retryable(OrreryException failure, PendingCall call, MethodDescriptor descriptor,
                                     long deadline) {
        if (System.nanoTime() - deadline >= 0) {
            return false;
        }
        return switch (failure.status()) {
            case UNAVAILABLE -> !call.isSent() || descriptor.idempotent();
            case RESOURCE_EXHAUSTED -> !call.isSent();
            default -> false;
        };
    }

    /**
     * The absolute deadline of a call: an explicit {@link Calls#withDeadline} scope wins, then this proxy's
     * deadline, then the method's or service's {@code @Deadline}, then the node's default; inside a handler it
     * never goes past the deadline of the call being served.
     */
    private long deadline(MethodDescriptor method, long now) {
        long deadline = Calls.scopedDeadline();
        if (deadline == Long.MAX_VALUE) {
            long relative = proxyDeadlineNanos > 0 ? proxyDeadlineNanos
                    : method.deadlineMillis() > 0 ? method.deadlineMillis() * 1_000_000 : nodeDeadlineNanos;
            deadline = now + relative;
        }
        if (CallContext.isPresent()) {
            deadline = Math.min(deadline, CallContext.current().deadlineNanos());
        }
        return deadline;
    }

    private Object local(Object proxy, Method method, Object[] args) throws Throwable {
        return switch (method.getName()) {
            case "toString" -> service.type().getSimpleName() + "[" + service.name() + " at " + targets + "]";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> method.isDefault() ? InvocationHandler.invokeDefault(proxy, method, args)
                    : method.invoke(this, args);
        };
    }

    /** @return an exception for when nothing could be tried, for messages */
    static OrreryException nowhere(String service) {
        return new OrreryException(Status.UNAVAILABLE, "no instance of " + service + " to call");
    }
}
