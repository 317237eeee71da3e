package dev.orrery.bench;

import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.Service;
import dev.orrery.SharedMemory;
import dev.orrery.examples.Echo;
import dev.orrery.registry.Instance;
import dev.orrery.registry.InstanceSpec;
import dev.orrery.registry.NameServer;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side of {@code bench locate}: one node that uses the name server, with a proxy connected to each
 * instance of {@code demo.echo}, one located proxy, and the name server's own proxy. Every proxy of the node
 * shares its connections, so each scenario calls the same servers over the same sockets.
 */
final class LocateClient implements AutoCloseable {

    /** The service every scenario looks up and calls. */
    static final String SERVICE = Echo.class.getAnnotation(Service.class).value();
    /** Instances registered by hand under other names, so that the name server holds more than is looked up. */
    static final int DECOYS = 8;

    /** The default of {@link dev.orrery.NodeOptions#slotWindow()}: a window this size or larger is left as it is. */
    private static final int DEFAULT_SLOT_WINDOW = 64;
    /** The longest lease the name server grants: a run that outlasts it only loses its decoys. */
    private static final long DECOY_TTL_MILLIS = 3_600_000;
    private static final Duration POLL = Duration.ofMillis(20);

    private final Node node;
    private final NameServer nameServer;
    private final Echo located;
    /** A connected proxy per instance's endpoint, in the order the name server lists them. */
    private final Map<String, Echo> connected;
    private final List<Echo> connectedInOrder;
    /** Takes turns over the instances, as the round-robin balancer of a located proxy does. */
    private final AtomicInteger next = new AtomicInteger();

    private LocateClient(Node node, Map<String, Echo> connected) {
        this.node = node;
        this.nameServer = node.nameServer();
        this.located = node.locate(Echo.class);
        this.connected = Collections.unmodifiableMap(connected);
        this.connectedInOrder = List.copyOf(connected.values());
    }

    /**
     * Registers the decoys, waits until {@code instances} instances of {@link #SERVICE} are registered, connects
     * to each, and makes a first call of every scenario, so that none of this setting up is measured.
     *
     * @param nameServer  the name server
     * @param instances   the instances the echo servers register
     * @param concurrency the most calls in flight: the slot window is widened to it when it is above the default
     * @param timeout     how long the instances may take to register
     * @return the client
     * @throws IllegalStateException when the instances do not all register in time
     * @throws InterruptedException  when interrupted while waiting for them
     */
    static LocateClient connect(Endpoint nameServer, int instances, int concurrency, Duration timeout)
            throws InterruptedException {
        // Located calls must go over the transport being measured, as the plain calls do: without this, the echo
        // servers' shared-memory endpoints, which they serve beside TCP, would be chosen on this host.
        Node node = Node.builder()
                .name("bench-client")
                .nameserver(nameServer.toString())
                .slotWindow(Math.max(DEFAULT_SLOT_WINDOW, concurrency))
                .sharedMemory(SharedMemory.NEVER)
                .build();
        try {
            registerDecoys(node.nameServer());
            Map<String, Echo> connected = new LinkedHashMap<>();
            for (Instance instance : awaitInstances(node.nameServer(), instances, timeout)) {
                String endpoint = instance.endpoints().getFirst();
                connected.put(endpoint, node.connect(Echo.class, endpoint));
            }
            LocateClient client = new LocateClient(node, connected);
            client.callEveryPath();
            return client;
        } catch (RuntimeException | InterruptedException e) {
            node.close();
            throw e;
        }
    }

    /** A first call through every path: connects every socket, and makes the located proxy's watch. */
    private void callEveryPath() {
        connectedInOrder.forEach(EchoCall::call);
        EchoCall.call(located);
        locateThenCall();
        lookUp();
    }

    /** Two services of four instances each, at endpoints nothing listens on: they are never called. */
    private static void registerDecoys(NameServer nameServer) {
        for (int i = 0; i < DECOYS; i++) {
            String service = "bench.decoy-" + (i % 2 == 0 ? "a" : "b");
            nameServer.register(new InstanceSpec(service, List.of("tcp://127.0.0.1:" + (i + 1)),
                    Map.of("node", "decoy-" + i, "version", "0.0.0"), DECOY_TTL_MILLIS));
        }
    }

    private static List<Instance> awaitInstances(NameServer nameServer, int instances, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Instance> found = nameServer.locate(SERVICE, Map.of());
            if (found.size() >= instances) {
                return found;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException(found.size() + " of " + instances + " instances of " + SERVICE
                        + " registered with the name server within " + DurationConverter.format(timeout));
            }
            Thread.sleep(POLL);
        }
    }

    /**
     * What a scenario repeats.
     *
     * @param scenario the scenario
     * @return one call of it, which checks its answer
     */
    BlockingLoad.BlockingCall call(LocateScenario scenario) {
        return switch (scenario) {
            case CALL -> () -> EchoCall.call(connectedInOrder.get(turn(connectedInOrder.size())));
            case LOCATE_CALL -> () -> EchoCall.call(located);
            case LOCATE_COLD_CALL -> this::locateThenCall;
            case LOOKUP -> this::lookUp;
        };
    }

    private void locateThenCall() {
        List<Instance> instances = nameServer.locate(SERVICE, Map.of());
        if (instances.isEmpty()) {
            throw new IllegalStateException("the name server knows no instance of " + SERVICE);
        }
        String endpoint = instances.get(turn(instances.size())).endpoints().getFirst();
        Echo echo = connected.get(endpoint);
        if (echo == null) {
            throw new IllegalStateException("the name server listed " + endpoint + ", not one of "
                    + connected.keySet());
        }
        EchoCall.call(echo);
    }

    private void lookUp() {
        if (nameServer.locate(SERVICE, Map.of()).isEmpty()) {
            throw new IllegalStateException("the name server knows no instance of " + SERVICE);
        }
    }

    private int turn(int size) {
        return Math.floorMod(next.getAndIncrement(), size);
    }

    /**
     * The endpoints of the instances, as the name server listed them.
     *
     * @return such as {@code [tcp://127.0.0.1:40123, tcp://127.0.0.1:40125]}
     */
    List<String> endpoints() {
        return List.copyOf(connected.keySet());
    }

    /** Closes the node: its connections, and the located proxy's watch; loads must be stopped first. */
    @Override
    public void close() {
        node.close();
    }
}
