package dev.orrery.internal.rpc;

import dev.orrery.CallContext;
import dev.orrery.Calls;
import dev.orrery.Codec;
import dev.orrery.Sink;
import dev.orrery.Subscription;
import dev.orrery.internal.channel.Connector;
import dev.orrery.internal.channel.InboundStream;
import dev.orrery.internal.channel.PendingCall;
import dev.orrery.internal.wire.Frame;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;

/**
 * The proxy behind a service interface: turns each method call into a remote call to one endpoint.
 */
public final class ClientInvoker implements InvocationHandler {
    /** Values a stream's server may send ahead of the caller's sink; credit is renewed as they are consumed. */
    static final int STREAM_WINDOW = 64;

    private final ServiceDescriptor service;
    private final Connector connector;
    private final Invocations invocations;
    private final long proxyDeadlineNanos;
    private final long nodeDeadlineNanos;

    private ClientInvoker(ServiceDescriptor service, Connector connector, Invocations invocations,
                          long proxyDeadlineNanos, long nodeDeadlineNanos) {
        this.service = service;
        this.connector = connector;
        this.invocations = invocations;
        this.proxyDeadlineNanos = proxyDeadlineNanos;
        this.nodeDeadlineNanos = nodeDeadlineNanos;
    }

    /**
     * A proxy for a service interface.
     *
     * @param type               the interface
     * @param connector          the endpoint's connector
     * @param invocations        how calls run
     * @param proxyDeadlineNanos this proxy's default deadline, or 0 for none
     * @param nodeDeadlineNanos  the node's default deadline
     * @param <T>                the service type
     * @return the proxy
     */
    static <T> T proxy(Class<T> type, Connector connector, Invocations invocations, long proxyDeadlineNanos,
                       long nodeDeadlineNanos) {
        ServiceDescriptor descriptor = ServiceDescriptor.of(type);
        ClientInvoker invoker = new ClientInvoker(descriptor, connector, invocations, proxyDeadlineNanos,
                nodeDeadlineNanos);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, invoker));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        MethodDescriptor descriptor = service.method(method);
        if (descriptor == null) {
            return local(proxy, method, args);
        }
        Codec codec = descriptor.codec();
        long deadline = deadline(descriptor);
        if (descriptor.kind() == MethodKind.STREAM) {
            return openStream(descriptor, deadline, args);
        }
        byte[] payload = descriptor.encodeArguments(codec, args);
        PendingCall call = new PendingCall(descriptor.kind() == MethodKind.ONE_WAY, deadline, codec,
                service.nameBytes(), descriptor.nameBytes(), payload);
        return switch (descriptor.kind()) {
            case SYNC -> {
                Frame reply = invocations.callSync(connector, call);
                yield descriptor.decodeResult(reply.payloadCodec(), reply.payload());
            }
            case ASYNC -> invocations.callAsync(connector, call,
                    reply -> descriptor.decodeResult(reply.payloadCodec(), reply.payload()));
            case ONE_WAY -> {
                invocations.sendOneWay(connector, call);
                yield null;
            }
            case STREAM -> throw new IllegalStateException("streams are opened by openStream");
        };
    }

    /** Opens a stream: the call's REPLY says it is open; its values then go to the caller's sink. */
    private Subscription openStream(MethodDescriptor descriptor, long deadline, Object[] args) {
        Object sink = args[args.length - 1];
        if (sink == null) {
            throw new IllegalArgumentException(descriptor.name() + " needs a Sink to receive its values, got null");
        }
        Codec codec = descriptor.codec();
        byte[] payload = descriptor.encodeArguments(codec, Arrays.copyOf(args, args.length - 1));
        InboundStream values = new InboundStream((Sink<?>) sink,
                item -> descriptor.decodeResult(item.payloadCodec(), item.payload()), invocations.callbackExecutor(),
                STREAM_WINDOW);
        PendingCall call = new PendingCall(false, deadline, codec, service.nameBytes(), descriptor.nameBytes(),
                payload).streamingTo(values);
        invocations.callSync(connector, call);
        return values::close;
    }

    /**
     * The absolute deadline of a call: an explicit {@link Calls#withDeadline} scope wins, then this proxy's
     * deadline, then the method's or service's {@code @Deadline}, then the node's default; inside a handler it
     * never goes past the deadline of the call being served.
     */
    private long deadline(MethodDescriptor method) {
        long now = System.nanoTime();
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
            case "toString" -> service.type().getSimpleName() + "[" + service.name() + " at " + connector.endpoint()
                    + "]";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> method.isDefault() ? InvocationHandler.invokeDefault(proxy, method, args)
                    : method.invoke(this, args);
        };
    }
}
