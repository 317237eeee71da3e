package dev.orrery.internal.rpc;

import dev.orrery.Codec;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.internal.channel.CallDispatcher;
import dev.orrery.internal.channel.InboundCall;
import dev.orrery.internal.channel.OutboundStream;
import dev.orrery.internal.metrics.ServerCallMetrics;
import dev.orrery.internal.metrics.ServiceRecorder;
import dev.orrery.internal.wire.Frame;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The services a node serves, and the dispatcher that routes calls to them. Lookups run on I/O threads;
 * handlers run on each service's executor.
 */
public final class ServiceRegistry implements CallDispatcher {
    private final ConcurrentHashMap<String, ExportedService> services = new ConcurrentHashMap<>();
    private final ServerCallMetrics metrics;
    private volatile Target lastTarget;

    /**
     * A registry with no service yet.
     *
     * @param metrics where exported services' figures are listed; each service gets recorders from it unless
     *                metrics are off
     */
    public ServiceRegistry(ServerCallMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Exports a service.
     *
     * @param type             the interface
     * @param implementation   its implementation
     * @param executor         where its handlers run
     * @param concurrencyLimit how many handlers run at once
     */
    public void export(Class<?> type, Object implementation, Executor executor, int concurrencyLimit) {
        ServiceDescriptor descriptor = ServiceDescriptor.of(type);
        if (!type.isInstance(implementation)) {
            throw new IllegalArgumentException("the implementation of " + descriptor.name() + " must implement "
                    + type.getName() + ", got " + (implementation == null ? "null" : implementation.getClass()));
        }
        for (MethodDescriptor method : descriptor.methods().values()) {
            Method javaMethod = method.method();
            if (!javaMethod.trySetAccessible()) {
                throw new IllegalArgumentException("cannot call " + type.getName() + "." + javaMethod.getName()
                        + " reflectively; make the interface public or open its package");
            }
        }
        ServiceRecorder recorders = metrics.recorder(descriptor.name(), concurrencyLimit,
                descriptor.methods().keySet().stream().toList());
        ExportedService exported = new ExportedService(descriptor, implementation, executor, concurrencyLimit,
                recorders);
        if (services.putIfAbsent(descriptor.name(), exported) != null) {
            throw new OrreryException(Status.ALREADY_EXISTS, "this node already serves " + descriptor.name());
        }
        if (recorders != null) {
            metrics.add(recorders);
        }
    }

    /** The service and method the last call named, by their header bytes; replaced, never changed. */
    private record Target(byte[] service, byte[] method, ExportedService exported, MethodDescriptor descriptor) {
    }

    /** @return the names of the services served, sorted */
    public List<String> names() {
        return services.keySet().stream().sorted().toList();
    }

    @Override
    public void dispatch(InboundCall call) {
        Frame frame = call.frame();
        Codec codec = frame.codec() < 0 ? Codec.MSGPACK : Codec.ofId(frame.codec());
        Target last = lastTarget;
        ExportedService service;
        MethodDescriptor method;
        if (last != null && Arrays.equals(last.service, frame.service())
                && Arrays.equals(last.method, frame.method())) {
            // Most calls name the method the previous one named: no names decoded, no maps read.
            service = last.exported;
            method = last.descriptor;
        } else {
            String serviceName = frame.serviceName();
            service = services.get(serviceName);
            if (service == null) {
                call.fail(Status.NOT_FOUND, "no service '" + serviceName + "' here; this node serves " + names(),
                        null);
                return;
            }
            String methodName = frame.methodName();
            if (ServiceDescriptor.DESCRIBE.equals(methodName)) {
                Codec replyCodec = codec == Codec.JSON ? Codec.JSON : Codec.MSGPACK;
                call.reply(replyCodec, service.description(replyCodec));
                return;
            }
            method = service.descriptor.method(methodName);
            if (method == null) {
                call.fail(Status.NOT_FOUND, serviceName + " has no method '" + methodName + "'; it has "
                        + service.descriptor.methods().keySet(), null);
                return;
            }
            lastTarget = new Target(frame.service(), frame.method(), service, method);
        }
        String methodName = method.name();
        String serviceName = service.descriptor.name();
        if (method.kind() == MethodKind.STREAM && call.oneWay()) {
            call.fail(Status.INVALID_ARGUMENT, methodName + " is a stream method; open it with a CALL, not ONE_WAY",
                    null);
            return;
        }
        OutboundStream stream = method.kind() == MethodKind.STREAM ? call.openStream(service.executor) : null;
        ServerCall task = new ServerCall(call, service, method, codec, stream);
        try {
            task.dispatching(Thread.currentThread());
            service.executor.execute(task);
        } catch (RejectedExecutionException e) {
            task.refuse(Status.UNAVAILABLE, "the executor of " + serviceName + " refused the call: "
                    + e.getMessage());
        } finally {
            task.dispatching(null);
        }
    }
}
