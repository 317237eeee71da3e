package dev.orrery.internal.rpc;

import dev.orrery.DynamicClient;
import dev.orrery.internal.channel.ChannelContext;
import dev.orrery.internal.channel.Connector;
import java.time.Duration;
import java.util.concurrent.Executor;

/** Makes the client side of calls: proxies for interfaces, and JSON clients for the command line. */
public final class RpcClient {
    private final Invocations invocations;
    private final long nodeDeadlineNanos;

    /**
     * A client for one node.
     *
     * @param context          the node's shared parts
     * @param callbackExecutor where async results are decoded and their futures completed
     */
    public RpcClient(ChannelContext context, Executor callbackExecutor) {
        this.invocations = new Invocations(context, callbackExecutor);
        this.nodeDeadlineNanos = context.options().defaultDeadline().toNanos();
    }

    /**
     * A proxy for a service at the connector's endpoint.
     *
     * @param type      the service interface
     * @param connector the endpoint's connector
     * @param deadline  the proxy's own default deadline, or {@code null}
     * @param <T>       the service type
     * @return the proxy
     */
    public <T> T proxy(Class<T> type, Connector connector, Duration deadline) {
        return proxy(type, Targets.fixed(connector), deadline);
    }

    /**
     * A proxy whose calls go to any of several targets.
     *
     * @param type     the service interface
     * @param targets  where calls may go
     * @param deadline the proxy's own default deadline, or {@code null}
     * @param <T>      the service type
     * @return the proxy
     */
    public <T> T proxy(Class<T> type, Targets targets, Duration deadline) {
        if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
            throw new IllegalArgumentException("a deadline must be a positive duration, got " + deadline);
        }
        return ClientInvoker.proxy(type, targets, invocations, deadline == null ? 0 : deadline.toNanos(),
                nodeDeadlineNanos);
    }

    /**
     * A JSON client for the connector's endpoint.
     *
     * @param connector the endpoint's connector
     * @return the client
     */
    public DynamicClient json(Connector connector) {
        return new JsonClient(connector, invocations, nodeDeadlineNanos);
    }
}
