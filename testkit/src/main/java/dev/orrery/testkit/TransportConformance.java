package dev.orrery.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.NodeOptions;
import dev.orrery.OrreryException;
import dev.orrery.ServiceOptions;
import dev.orrery.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every transport must do, as tests: a transport module extends this class and names its endpoint.
 * The calls go through whole nodes, so the suite checks the transport as users meet it.
 */
@Timeout(60)
public abstract class TransportConformance {
    private final List<AutoCloseable> open = new ArrayList<>();

    /**
     * An endpoint for a server of this transport to listen on, fresh for each test.
     *
     * @return such as {@code tcp://127.0.0.1:0}
     */
    protected abstract String listenEndpoint();

    /**
     * Whether a server of this transport can run in another process, for the peer-death test.
     *
     * @return true for transports that cross processes
     */
    protected boolean crossesProcesses() {
        return true;
    }

    /**
     * Options for the nodes of the suite; a transport may adjust them.
     *
     * @param name the node's name
     * @return the options' builder
     */
    protected NodeOptions.Builder options(String name) {
        return NodeOptions.builder().name(name).defaultDeadline(Duration.ofSeconds(20));
    }

    /**
     * Closes a resource after the test.
     *
     * @param resource the resource
     * @param <T>      its type
     * @return the resource
     */
    protected <T extends AutoCloseable> T keep(T resource) {
        open.add(resource);
        return resource;
    }

    /**
     * A server of the suite's service, started.
     *
     * @param implementation the service
     * @return the server's node
     */
    protected Node server(ConformanceService implementation) {
        return server(implementation, ServiceOptions.DEFAULTS);
    }

    private Node server(ConformanceService implementation, ServiceOptions serviceOptions) {
        Node server = keep(Node.create(options("server").listen(listenEndpoint()).build()));
        server.serve(ConformanceService.class, implementation, serviceOptions).start();
        return server;
    }

    /**
     * The endpoint a client of the suite connects to, for a server's endpoint; a transport may add what its
     * clients need, such as a waiting strategy.
     *
     * @param server the endpoint the server reports
     * @return the endpoint to connect to; by default the same
     */
    protected Endpoint clientEndpoint(Endpoint server) {
        return server;
    }

    /**
     * A client of the suite, connected to a server.
     *
     * @param endpoint the server's endpoint, as it reports it
     * @return the client
     */
    protected ConformanceService client(Endpoint endpoint) {
        return keep(Node.create(options("client").build())).connect(ConformanceService.class,
                clientEndpoint(endpoint));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : open.reversed()) {
            resource.close();
        }
    }

    @Test
    void shouldKeepTheOrderOfOneConnection() {
        // Handlers run concurrently by default; one thread runs them in the order the transport delivered.
        ExecutorService serial = Executors.newSingleThreadExecutor();
        keep(serial::shutdownNow);
        ConformanceService.Implementation implementation = new ConformanceService.Implementation();
        ConformanceService probe = client(server(implementation, ServiceOptions.DEFAULTS.withExecutor(serial))
                .endpoints().getFirst());
        for (int i = 0; i < 2_000; i++) {
            probe.append(i);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> probe.appended().size() == 2_000);
        List<Integer> appended = probe.appended();
        for (int i = 0; i < appended.size(); i++) {
            assertThat(appended.get(i)).isEqualTo(i);
        }
    }

    @Test
    void shouldCarryFramesFromEmptyToLarge() {
        ConformanceService probe = client(server(new ConformanceService.Implementation()).endpoints().getFirst());
        Random random = new Random(42);
        for (int size : new int[] {0, 1, 63, 64, 65, 4_096, 65_536, 1 << 20, 8 << 20}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            assertThat(probe.echo(bytes)).as("%d bytes", size).isEqualTo(bytes);
        }
    }

    @Test
    void shouldRefuseACallLargerThanThePeerAccepts() {
        ConformanceService probe = client(server(new ConformanceService.Implementation()).endpoints().getFirst());
        assertThatThrownBy(() -> probe.echo(new byte[17 << 20])).isInstanceOf(OrreryException.class)
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.RESOURCE_EXHAUSTED));
        assertThat(probe.echo(new byte[] {7})).containsExactly(7);
    }

    @Test
    void shouldServeManyConcurrentCallers() {
        ConformanceService probe = client(server(new ConformanceService.Implementation()).endpoints().getFirst());
        List<CompletableFuture<Void>> callers = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int caller = 0; caller < 32; caller++) {
                int id = caller;
                callers.add(CompletableFuture.runAsync(() -> {
                    for (int call = 0; call < 200; call++) {
                        byte[] bytes = {(byte) id, (byte) call, (byte) (call >> 8)};
                        assertThat(probe.echo(bytes)).isEqualTo(bytes);
                    }
                }, threads));
            }
            callers.forEach(CompletableFuture::join);
        }
    }

    @Test
    void shouldDrainCallsInFlightWhenTheServerCloses() throws Exception {
        Node server = server(new ConformanceService.Implementation());
        ConformanceService probe = client(server.endpoints().getFirst());
        assertThat(probe.echo(new byte[1])).hasSize(1);
        CompletableFuture<Long> slow = CompletableFuture.supplyAsync(() -> probe.sleep(500));
        awaitInFlight(probe);
        server.close();
        assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo(500);
        assertThatThrownBy(() -> probe.echo(new byte[1])).isInstanceOf(OrreryException.class)
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.UNAVAILABLE));
    }

    @Test
    void shouldFailCallsInFlightSoonAfterThePeerDies() throws Exception {
        assumeTrue(crossesProcesses(), "this transport stays inside one process");
        JvmProcess process = keep(JvmProcess.start(ConformanceServer.class, listenEndpoint()));
        Endpoint endpoint = Endpoint.parse(process.awaitValue("READY ", Duration.ofSeconds(30)));
        ConformanceService probe = client(endpoint);
        assertThat(probe.echo(new byte[1])).hasSize(1);
        CompletableFuture<Long> inFlight = CompletableFuture.supplyAsync(() -> probe.sleep(30_000));
        awaitInFlight(probe);
        long killed = System.nanoTime();
        process.kill();
        assertThatThrownBy(() -> inFlight.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(OrreryException.class)
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.UNAVAILABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(2));
        // A new call fails fast too, rather than waiting for its deadline.
        long start = System.nanoTime();
        assertThatThrownBy(() -> probe.echo(new byte[1])).isInstanceOf(OrreryException.class)
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.UNAVAILABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    /** Waits until the server runs the slow call, asking it on the same connection. */
    private static void awaitInFlight(ConformanceService probe) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> probe.sleeping() == 1);
    }
}
