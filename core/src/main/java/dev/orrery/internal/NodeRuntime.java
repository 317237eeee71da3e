package dev.orrery.internal;

import dev.orrery.Balancer;
import dev.orrery.DynamicClient;
import dev.orrery.Endpoint;
import dev.orrery.NodeOptions;
import dev.orrery.OrreryException;
import dev.orrery.ServiceOptions;
import dev.orrery.SharedMemory;
import dev.orrery.Status;
import dev.orrery.internal.channel.ChannelContext;
import dev.orrery.internal.channel.Connector;
import dev.orrery.internal.channel.ServerChannel;
import dev.orrery.internal.metrics.ServerCallMetrics;
import dev.orrery.internal.pubsub.TopicsRuntime;
import dev.orrery.internal.registry.EndpointChoice;
import dev.orrery.internal.registry.HostIdentity;
import dev.orrery.internal.registry.Locator;
import dev.orrery.internal.registry.Registrar;
import dev.orrery.internal.rpc.RpcClient;
import dev.orrery.internal.rpc.ServiceDescriptor;
import dev.orrery.internal.rpc.ServiceRegistry;
import dev.orrery.metrics.CallMetrics;
import dev.orrery.pubsub.MessageHandler;
import dev.orrery.pubsub.Publisher;
import dev.orrery.pubsub.PublisherOptions;
import dev.orrery.pubsub.SubscribeOptions;
import dev.orrery.pubsub.TopicSubscription;
import dev.orrery.pubsub.TopicsInfo;
import dev.orrery.registry.Instance;
import dev.orrery.registry.NameServer;
import dev.orrery.transport.Listener;
import dev.orrery.transport.Transport;
import dev.orrery.transport.TransportConfig;
import dev.orrery.transport.TransportProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link dev.orrery.Node} is made of: transports, listeners, exported services, connectors to
 * other nodes, and the threads they share.
 */
public final class NodeRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(NodeRuntime.class);
    /** Name-server calls are small; a name server slower than this is treated as unreachable. */
    private static final Duration NAME_SERVER_DEADLINE = Duration.ofSeconds(2);
    /** The schemes of the transports on the class path. */
    private static final Set<String> SCHEMES = schemes();

    private final NodeOptions options;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ExecutorService virtualThreads;
    private final ChannelContext context;
    private final ServerCallMetrics metrics;
    private final ServiceRegistry services;
    private final RpcClient client;
    private final Map<String, Transport> transports = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Set<ServerChannel> serverChannels = ConcurrentHashMap.newKeySet();
    private final Map<Endpoint, Connector> connectors = new ConcurrentHashMap<>();
    private final NameServer nameServer;
    private final EndpointChoice endpointChoice;
    private final TopicsRuntime topics;
    private volatile Registrar registrar;
    private volatile Locator locator;
    private volatile boolean closed;
    private volatile boolean started;
    /** Completes once {@link #close()} has closed everything. */
    private final CompletableFuture<Void> closedAll = new CompletableFuture<>();

    /**
     * Builds the runtime; nothing listens until {@link #start()}.
     *
     * @param options the node's settings
     */
    public NodeRuntime(NodeOptions options) {
        this.options = options;
        this.scheduler = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon()
                .name("orrery-timer-" + options.name()).factory());
        scheduler.setRemoveOnCancelPolicy(true);
        this.virtualThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual()
                .name("orrery-" + options.name() + "-", 0).factory());
        String identity = options.name() + "@" + hostName() + "/" + ProcessHandle.current().pid();
        this.context = new ChannelContext(options, scheduler, System::nanoTime, identity);
        this.metrics = new ServerCallMetrics(options.name(), options.metrics(), System::nanoTime);
        this.services = new ServiceRegistry(metrics);
        this.client = new RpcClient(context, options.callbackExecutor() != null ? options.callbackExecutor()
                : virtualThreads);
        this.endpointChoice = new EndpointChoice(SCHEMES, options.sharedMemory());
        this.nameServer = options.nameserver() == null ? null
                : client.proxy(NameServer.class, connector(options.nameserver()), NAME_SERVER_DEADLINE);
        this.topics = new TopicsRuntime(context, virtualThreads, options.callbackExecutor() != null
                ? options.callbackExecutor() : virtualThreads, nameServer == null ? null : this::locator,
                endpointChoice, this::connector, this::serveTopicsInfo);
    }

    private void serveTopicsInfo() {
        services.export(TopicsInfo.class, topics, virtualThreads, options.concurrencyLimit());
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** @return the settings */
    public NodeOptions options() {
        return options;
    }

    /** @return the figures of the calls this node serves */
    public CallMetrics metrics() {
        return metrics;
    }

    /**
     * Exports a service.
     *
     * @param type           the interface
     * @param implementation its implementation
     * @param serviceOptions its options
     */
    public void serve(Class<?> type, Object implementation, ServiceOptions serviceOptions) {
        checkOpen();
        String name = ServiceDescriptor.of(type).name();
        int limit = serviceOptions.concurrencyLimit() > 0 ? serviceOptions.concurrencyLimit()
                : options.concurrencyLimit();
        var executor = serviceOptions.executor() != null ? serviceOptions.executor()
                : options.handlerExecutor() != null ? options.handlerExecutor() : virtualThreads;
        services.export(type, implementation, executor, limit);
        Registrar current = registrar;
        if (current != null) {
            current.register(name);
        }
    }

    /** Binds every endpoint of the options. */
    public synchronized void start() {
        checkOpen();
        if (started) {
            return;
        }
        started = true;
        for (Endpoint endpoint : options.listen()) {
            try {
                listen(endpoint);
            } catch (IOException e) {
                throw new OrreryException(Status.UNAVAILABLE, e.getMessage() != null ? e.getMessage()
                        : "cannot listen on " + endpoint + ": " + e, e);
            }
        }
        if (nameServer != null) {
            listenOnSharedMemory();
        }
        LOG.info("node {} serves {} at {}", options.name(), services.names(), endpoints());
        if (nameServer != null && !listeners.isEmpty()) {
            Registrar registering = new Registrar(nameServer, this::advertisedEndpoints, instanceMetadata(),
                    options.leaseTtl().toMillis(), scheduler, virtualThreads);
            // The topics' own service is found through their registrations, not registered by itself.
            services.names().stream().filter(name -> !name.equals(TopicsInfo.NAME)).forEach(registering::register);
            registrar = registering;
            topics.registrar(registering);
        }
    }

    private void listen(Endpoint endpoint) throws IOException {
        listeners.add(transport(endpoint.scheme()).listen(endpoint, connection -> {
            ServerChannel channel = new ServerChannel(connection, context, services, topics);
            serverChannels.add(channel);
            channel.closeFuture().whenComplete((done, error) -> serverChannels.remove(channel));
            return channel;
        }));
    }

    /**
     * A node that registers TCP endpoints also serves, by default, a shared-memory endpoint, which callers on
     * this host use instead (see {@link EndpointChoice}). Its name comes from the process and the TCP port,
     * which no other live process on this host can share. Where shared memory cannot be set up, callers on this
     * host use TCP like the others.
     */
    private void listenOnSharedMemory() {
        List<Endpoint> bound = endpoints();
        boolean hasSharedMemory = bound.stream()
                .anyMatch(endpoint -> endpoint.scheme().equals(EndpointChoice.SHARED_MEMORY_SCHEME));
        Endpoint tcp = bound.stream().filter(e -> e.scheme().equals("tcp")).findFirst().orElse(null);
        if (options.sharedMemory() == SharedMemory.NEVER || hasSharedMemory || tcp == null
                || !SCHEMES.contains(EndpointChoice.SHARED_MEMORY_SCHEME)) {
            return;
        }
        Endpoint endpoint = new Endpoint(EndpointChoice.SHARED_MEMORY_SCHEME,
                "node-" + ProcessHandle.current().pid() + "-" + tcp.port());
        try {
            listen(endpoint);
        } catch (IOException | RuntimeException e) {
            LOG.warn("node {}: cannot serve shared memory at {} ({}); callers on this host use TCP", options.name(),
                    endpoint, e.toString());
        }
    }

    /**
     * The endpoints others can reach: a listener bound to every interface (0.0.0.0 or ::) is advertised with
     * this host's address instead, which a caller elsewhere can connect to.
     */
    private List<Endpoint> advertisedEndpoints() {
        return endpoints().stream().map(NodeRuntime::advertised).toList();
    }

    private static Endpoint advertised(Endpoint endpoint) {
        if (!endpoint.scheme().equals("tcp") && !endpoint.scheme().equals("tls")) {
            return endpoint;
        }
        String host = endpoint.host();
        if (!host.equals("0.0.0.0") && !host.equals("::") && !host.equals("0:0:0:0:0:0:0:0")) {
            return endpoint;
        }
        String address;
        try {
            address = java.net.InetAddress.getLocalHost().getHostAddress();
        } catch (IOException e) {
            address = "127.0.0.1";
        }
        String shown = address.contains(":") ? "[" + address + "]" : address;
        return new Endpoint(endpoint.scheme(), shown + ":" + endpoint.port());
    }

    private Map<String, String> instanceMetadata() {
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        metadata.put("node", options.name());
        metadata.put("host", hostName());
        metadata.put("pid", Long.toString(ProcessHandle.current().pid()));
        metadata.put("version", Version.current());
        metadata.put(HostIdentity.METADATA_KEY, HostIdentity.current());
        metadata.putAll(options.metadata());
        return metadata;
    }

    /**
     * A proxy whose calls are spread over the live instances of a service, found through the name server.
     *
     * @param type     the interface
     * @param balancer how calls are spread
     * @param <T>      the service type
     * @return the proxy
     */
    public <T> T locate(Class<T> type, Balancer balancer) {
        return client.proxy(type, locator().targets(ServiceDescriptor.of(type).name(), balancer), null);
    }

    /**
     * A publisher of a topic.
     *
     * @param topic   the topic
     * @param type    the type of the values
     * @param options how it delivers
     * @param <T>     the type of the values
     * @return the publisher
     */
    public <T> Publisher<T> publisher(String topic, Class<T> type, PublisherOptions options) {
        checkOpen();
        return topics.publisher(topic, type, options);
    }

    /**
     * A subscription to the topics matching a pattern.
     *
     * @param pattern such as {@code market.fx.*}
     * @param type    the type of the values
     * @param handler what runs for each message
     * @param options its window, policy and group
     * @param <T>     the type of the values
     * @return the subscription
     */
    public <T> TopicSubscription subscribe(String pattern, Class<T> type, MessageHandler<T> handler,
                                           SubscribeOptions options) {
        checkOpen();
        if (nameServer != null && options().listen().isEmpty()) {
            throw new OrreryException(Status.FAILED_PRECONDITION, "node " + this.options.name() + " subscribes to "
                    + pattern + " through the name server but listens on no endpoint, so publishers elsewhere "
                    + "cannot reach it; give it one, such as NodeOptions.listen(\"tcp://127.0.0.1:0\")");
        }
        return topics.subscribe(pattern, type, handler, options);
    }

    /** @return a proxy for the name server */
    public NameServer nameServer() {
        if (nameServer == null) {
            throw new OrreryException(Status.FAILED_PRECONDITION, "node " + options.name()
                    + " has no name server; set one with NodeOptions.nameserver(\"tcp://host:2012\")");
        }
        return nameServer;
    }

    private Locator locator() {
        checkOpen();
        Locator current = locator;
        if (current == null) {
            synchronized (this) {
                current = locator;
                if (current == null) {
                    current = new Locator(nameServer(), scheduler, virtualThreads, endpointChoice, this::connector);
                    locator = current;
                }
            }
        }
        return current;
    }

    /**
     * The endpoint of an instance this node's calls go to.
     *
     * @param instance an instance the name server lists
     * @return the endpoint, or empty when this node has no transport for any of them
     */
    public Optional<Endpoint> endpointFor(Instance instance) {
        return Optional.ofNullable(endpointChoice.choose(instance));
    }

    private static Set<String> schemes() {
        Set<String> schemes = new java.util.HashSet<>();
        for (TransportProvider provider : ServiceLoader.load(TransportProvider.class)) {
            schemes.add(provider.scheme());
        }
        return Set.copyOf(schemes);
    }

    /** @return the bound endpoints */
    public List<Endpoint> endpoints() {
        return listeners.stream().map(Listener::endpoint).toList();
    }

    /**
     * A proxy for a service at an endpoint.
     *
     * @param type     the interface
     * @param endpoint the endpoint
     * @param deadline the proxy's default deadline, or {@code null}
     * @param <T>      the service type
     * @return the proxy
     */
    public <T> T connect(Class<T> type, Endpoint endpoint, Duration deadline) {
        return client.proxy(type, connector(endpoint), deadline);
    }

    /**
     * A JSON client for an endpoint.
     *
     * @param endpoint the endpoint
     * @return the client
     */
    public DynamicClient dynamic(Endpoint endpoint) {
        return client.json(connector(endpoint));
    }

    private Connector connector(Endpoint endpoint) {
        checkOpen();
        return connectors.computeIfAbsent(endpoint,
                target -> new Connector(target, transport(target.scheme()), context));
    }

    private Transport transport(String scheme) {
        return transports.computeIfAbsent(scheme, this::createTransport);
    }

    private Transport createTransport(String scheme) {
        List<String> known = new ArrayList<>();
        for (TransportProvider provider : ServiceLoader.load(TransportProvider.class)) {
            if (provider.scheme().equals(scheme)) {
                return provider.create(new TransportConfig(options.name(), options.maxFrameSize(),
                        options.connectTimeout(), options.ioThreads()));
            }
            known.add(provider.scheme());
        }
        throw new OrreryException(Status.NOT_FOUND, "no transport for " + scheme + "://; available: " + known
                + (scheme.equals("tcp") ? " (add the orrery-transport-tcp module to the class path)" : ""));
    }

    private void checkOpen() {
        if (closed) {
            throw new OrreryException(Status.UNAVAILABLE, "node " + options.name() + " is closed");
        }
    }

    /** Stops accepting, drains calls in flight within the grace period, closes everything. */
    public void close() {
        synchronized (this) {
            if (closed) {
                awaitClosed();
                return;
            }
            closed = true;
        }
        try {
            closeNow();
        } finally {
            closedAll.complete(null);
        }
    }

    /** A second caller of close returns once the first has closed everything, as a JVM's shutdown hook needs. */
    private void awaitClosed() {
        try {
            closedAll.get(options.shutdownGrace().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            LOG.warn("node {}: still closing after the shutdown grace of {}", options.name(), options.shutdownGrace());
        }
    }

    private void closeNow() {
        Registrar current = registrar;
        if (current != null) {
            // Deregister first, so that callers stop choosing this node before it stops taking calls.
            current.close();
        }
        topics.close();
        Locator watching = locator;
        if (watching != null) {
            watching.close();
        }
        listeners.forEach(Listener::close);
        List<CompletableFuture<?>> draining = new ArrayList<>();
        for (ServerChannel channel : serverChannels) {
            draining.add(channel.drain().thenRun(() -> channel.connection().close()));
        }
        for (Connector connector : connectors.values()) {
            draining.add(connector.close());
        }
        try {
            CompletableFuture.allOf(draining.toArray(CompletableFuture[]::new))
                    .get(options.shutdownGrace().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("node {}: calls still in flight after the shutdown grace of {}; closing anyway", options.name(),
                    options.shutdownGrace());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("node {}: error while draining: {}", options.name(), e.getCause().toString());
        }
        serverChannels.forEach(channel -> channel.connection().close());
        transports.values().forEach(Transport::close);
        metrics.close();
        virtualThreads.shutdownNow();
        scheduler.shutdownNow();
    }
}
