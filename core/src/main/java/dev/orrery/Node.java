package dev.orrery;

import dev.orrery.internal.NodeRuntime;
import dev.orrery.registry.Instance;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Orrery runtime inside one process: it serves services, and calls the services of other nodes.
 *
 * <pre>{@code
 * try (Node server = Node.builder().listen("tcp://127.0.0.1:0").build()) {
 *     server.serve(Echo.class, text -> text).start();
 *     try (Node client = Node.builder().build()) {
 *         Echo echo = client.connect(Echo.class, server.endpoints().getFirst());
 *         echo.echo("hi");
 *     }
 * }
 * }</pre>
 *
 * <p>A node is thread-safe. Proxies it returns are thread-safe and share one connection per endpoint.
 * {@link #close()} is graceful: it stops accepting calls, lets calls in flight finish within the shutdown
 * grace period, then closes every connection.
 */
public final class Node implements AutoCloseable {

    private final NodeRuntime runtime;

    private Node(NodeOptions options) {
        this.runtime = new NodeRuntime(options);
    }

    /**
     * A node with these options; {@link #start()} opens its listeners.
     *
     * @param options the settings
     * @return the node
     */
    public static Node create(NodeOptions options) {
        return new Node(options);
    }

    /**
     * A builder of a node's options whose {@code build()} returns the node.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A publisher of a topic, {@link dev.orrery.pubsub.Delivery#ASYNC}. It knows the subscriptions the name
     * server lists when it is made (waiting up to 2 s for the list), and those of this node; others join as they
     * register.
     *
     * @param topic such as {@code market.fx.eurusd}
     * @param type  the type of the values: {@code byte[]} is sent as is, anything else as MessagePack
     * @param <T>   the type of the values
     * @return the publisher
     * @throws OrreryException {@link Status#INVALID_ARGUMENT} when the topic is not a valid name, saying why
     */
    public <T> dev.orrery.pubsub.Publisher<T> publisher(String topic, Class<T> type) {
        return publisher(topic, type, dev.orrery.pubsub.PublisherOptions.DEFAULTS);
    }

    /**
     * A publisher of a topic.
     *
     * @param topic   such as {@code market.fx.eurusd}
     * @param type    the type of the values
     * @param options its delivery mode and deadline
     * @param <T>     the type of the values
     * @return the publisher
     */
    public <T> dev.orrery.pubsub.Publisher<T> publisher(String topic, Class<T> type,
                                                        dev.orrery.pubsub.PublisherOptions options) {
        return runtime.publisher(topic, type, options);
    }

    /**
     * Subscribes to the topics a pattern matches, with the default options: 16 slots from an ASYNC publisher
     * and 1 from a SYNC one, policy BLOCK, released when the handler returns.
     *
     * @param pattern such as {@code market.fx.*} ({@code *} is one segment) or {@code market.>} (the rest)
     * @param type    the type of the values
     * @param handler what runs for each message, one at a time
     * @param <T>     the type of the values
     * @return the subscription; close it to stop
     * @throws OrreryException {@link Status#INVALID_ARGUMENT} when the pattern is not valid;
     *                         {@link Status#FAILED_PRECONDITION} when the node has a name server but listens nowhere
     */
    public <T> dev.orrery.pubsub.TopicSubscription subscribe(String pattern, Class<T> type,
                                                             dev.orrery.pubsub.MessageHandler<T> handler) {
        return subscribe(pattern, type, handler, dev.orrery.pubsub.SubscribeOptions.DEFAULTS);
    }

    /**
     * Subscribes to the topics a pattern matches.
     *
     * @param pattern such as {@code market.fx.*}
     * @param type    the type of the values
     * @param handler what runs for each message
     * @param options its window, slow-consumer policy, queue group and release
     * @param <T>     the type of the values
     * @return the subscription; close it to stop
     */
    public <T> dev.orrery.pubsub.TopicSubscription subscribe(String pattern, Class<T> type,
                                                             dev.orrery.pubsub.MessageHandler<T> handler,
                                                             dev.orrery.pubsub.SubscribeOptions options) {
        return runtime.subscribe(pattern, type, handler, options);
    }

    /**
     * Exports an implementation of a service, with the node's default options.
     *
     * @param type           the interface annotated {@link Service}
     * @param implementation what handles its calls
     * @param <T>            the service type
     * @return this node
     * @throws IllegalArgumentException when the interface is not a valid service, saying what to change
     * @throws OrreryException          with {@link Status#ALREADY_EXISTS} when the name is already served
     */
    public <T> Node serve(Class<T> type, T implementation) {
        return serve(type, implementation, ServiceOptions.DEFAULTS);
    }

    /**
     * Exports an implementation of a service.
     *
     * @param type           the interface annotated {@link Service}
     * @param implementation what handles its calls
     * @param options        its concurrency limit and executor
     * @param <T>            the service type
     * @return this node
     */
    public <T> Node serve(Class<T> type, T implementation, ServiceOptions options) {
        runtime.serve(type, implementation, options);
        return this;
    }

    /**
     * Opens the listeners of the options. Services may be exported before or after.
     *
     * @return this node
     * @throws OrreryException with {@link Status#UNAVAILABLE} when an endpoint cannot be bound, or with
     *                         {@link Status#NOT_FOUND} when no transport serves its scheme
     */
    public Node start() {
        runtime.start();
        return this;
    }

    /**
     * Where this node accepts calls, with real ports.
     *
     * @return the bound endpoints, empty before {@link #start()}
     */
    public List<Endpoint> endpoints() {
        return runtime.endpoints();
    }

    /**
     * A proxy that calls a service at an endpoint.
     *
     * @param type     the interface annotated {@link Service}
     * @param endpoint the node serving it
     * @param <T>      the service type
     * @return the proxy
     */
    public <T> T connect(Class<T> type, Endpoint endpoint) {
        return runtime.connect(type, endpoint, null);
    }

    /**
     * A proxy that calls a service at an endpoint.
     *
     * @param type     the interface annotated {@link Service}
     * @param endpoint such as {@code tcp://127.0.0.1:7070}
     * @param <T>      the service type
     * @return the proxy
     */
    public <T> T connect(Class<T> type, String endpoint) {
        return connect(type, Endpoint.parse(endpoint));
    }

    /**
     * A proxy whose calls have their own default deadline.
     *
     * @param type     the interface annotated {@link Service}
     * @param endpoint the node serving it
     * @param deadline the deadline of each call, unless {@link Calls#withDeadline} says otherwise
     * @param <T>      the service type
     * @return the proxy
     */
    public <T> T connect(Class<T> type, Endpoint endpoint, Duration deadline) {
        return runtime.connect(type, endpoint, deadline);
    }

    /**
     * A proxy that spreads calls over the live instances of a service, found through the name server
     * ({@link NodeOptions#nameserver()}), round-robin. It follows instances as they come and go without being
     * located again, stops using one as soon as it vanishes or cannot be reached, retries a call on another
     * instance when the request was never sent or the method is {@link Idempotent}, and keeps using the
     * instances it last saw while the name server cannot be reached.
     *
     * @param type the interface annotated {@link Service}
     * @param <T>  the service type
     * @return the proxy
     * @throws OrreryException {@link Status#FAILED_PRECONDITION} when the node has no name server
     */
    public <T> T locate(Class<T> type) {
        return locate(type, Balancer.ROUND_ROBIN);
    }

    /**
     * A proxy that spreads calls over the live instances of a service as {@code balancer} says.
     *
     * @param type     the interface annotated {@link Service}
     * @param balancer round-robin or least-outstanding
     * @param <T>      the service type
     * @return the proxy
     */
    public <T> T locate(Class<T> type, Balancer balancer) {
        return runtime.locate(type, balancer);
    }

    /**
     * The endpoint this node's calls to an instance go to, as a located proxy chooses it: the instance's
     * shared-memory endpoint when it runs on this host under this user (see {@link SharedMemory}), otherwise its
     * first endpoint of a scheme this node has a transport for.
     *
     * @param instance an instance the name server lists
     * @return the endpoint, or empty when this node can reach none of the instance's endpoints
     */
    public Optional<Endpoint> endpointFor(Instance instance) {
        return runtime.endpointFor(instance);
    }

    /**
     * A proxy for the name server this node uses: to list services, watch them, or register by hand.
     *
     * @return the proxy
     * @throws OrreryException {@link Status#FAILED_PRECONDITION} when the node has no name server
     */
    public dev.orrery.registry.NameServer nameServer() {
        return runtime.nameServer();
    }

    /**
     * A client that calls any service at an endpoint by name with JSON arguments.
     *
     * @param endpoint the node to call
     * @return the client
     */
    public DynamicClient dynamic(Endpoint endpoint) {
        return runtime.dynamic(endpoint);
    }

    /**
     * The calls this node serves, per service and per method: counters, calls in flight, handler time, bytes and
     * latencies, as snapshots or bound to a Micrometer registry. With {@link NodeOptions#metrics()} off, it records
     * nothing.
     *
     * @return the node's call metrics
     */
    public dev.orrery.metrics.CallMetrics metrics() {
        return runtime.metrics();
    }

    /**
     * The node's settings.
     *
     * @return the options
     */
    public NodeOptions options() {
        return runtime.options();
    }

    /**
     * Stops gracefully: no new calls are accepted, calls in flight finish within
     * {@link NodeOptions#shutdownGrace()}, then every connection and transport is closed. Any thread may call it,
     * a shutdown hook too, as often as it likes: each call returns once the node is closed.
     */
    @Override
    public void close() {
        runtime.close();
    }

    @Override
    public String toString() {
        return "Node[" + runtime.options().name() + " " + runtime.endpoints() + "]";
    }

    /** Options for a node, ending in {@link #build()}. */
    public static final class Builder {
        private final NodeOptions.Builder options = NodeOptions.builder();

        private Builder() {
        }

        /**
         * Sets the options through their builder.
         *
         * @param change what to set
         * @return this
         */
        public Builder options(java.util.function.Consumer<NodeOptions.Builder> change) {
            change.accept(options);
            return this;
        }

        /** @param value the node's name @return this */
        public Builder name(String value) {
            options.name(value);
            return this;
        }

        /** @param endpoint an endpoint to listen on, such as {@code tcp://127.0.0.1:0} @return this */
        public Builder listen(String endpoint) {
            options.listen(endpoint);
            return this;
        }

        /** @param value the default deadline of calls @return this */
        public Builder defaultDeadline(Duration value) {
            options.defaultDeadline(value);
            return this;
        }

        /** @param endpoint the name server, such as {@code tcp://127.0.0.1:2012} @return this */
        public Builder nameserver(String endpoint) {
            options.nameserver(endpoint);
            return this;
        }

        /** @param value whether peers on this host are called over shared memory; default auto @return this */
        public Builder sharedMemory(SharedMemory value) {
            options.sharedMemory(value);
            return this;
        }

        /** @param value calls in flight per client connection @return this */
        public Builder slotWindow(int value) {
            options.slotWindow(value);
            return this;
        }

        /**
         * @param value whether served calls are counted and timed, for {@link Node#metrics()}; default on
         * @return this
         */
        public Builder metrics(boolean value) {
            options.metrics(value);
            return this;
        }

        /**
         * Builds the node; it is not started.
         *
         * @return the node
         */
        public Node build() {
            return new Node(options.build());
        }
    }
}
