package dev.orrery.console;

import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.supervisor.ConsoleSettings;
import dev.orrery.supervisor.SupervisorControl;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's web console, served over HTTP: pages that show the service groups, their charts, the name
 * server and the live log; the JSON API behind them ({@code docs/console-api.md}); a gateway that calls any service
 * with JSON; and {@code /metrics} for Prometheus.
 *
 * <pre>{@code
 * try (Console console = Console.start(supervisor, config.console(), registry)) {
 *     System.out.println("console at " + console.uri());
 *     ...
 * }
 * }</pre>
 *
 * <p>It listens on one I/O thread and answers requests on virtual threads, so a slow supervisor call or service
 * call never holds up other requests. It is thread-safe.
 */
public final class Console implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Console.class);

    private final HttpServer server;
    private final EventHub hub;
    private final ExecutorService handlers;
    private final URI uri;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Console(HttpServer server, EventHub hub, ExecutorService handlers, URI uri) {
        this.server = server;
        this.hub = hub;
        this.handlers = handlers;
        this.uri = uri;
    }

    /**
     * Starts a console that shows a supervisor.
     *
     * @param control  what the console shows and acts on
     * @param settings where it listens, and the token callers must present, if any
     * @param registry the meters that {@code GET /metrics} exposes; the console adds a few of its own
     * @return the listening console
     * @throws OrreryException {@link Status#UNAVAILABLE} when it cannot listen where the settings say;
     *                         {@link Status#INVALID_ARGUMENT} when they say to listen beyond this host without a token
     */
    public static Console start(SupervisorControl control, ConsoleSettings settings,
                                PrometheusMeterRegistry registry) {
        return start(control, settings, registry, ConsoleLimits.DEFAULTS);
    }

    static Console start(SupervisorControl control, ConsoleSettings settings, PrometheusMeterRegistry registry,
                         ConsoleLimits limits) {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(registry, "registry");
        requireTokenBeyondLoopback(settings);
        StaticFiles files = StaticFiles.load();
        Router router = new Router();
        new ServicesApi(control, limits).addTo(router);
        new NameServerApi(control).addTo(router);
        new EventsApi(control, limits).addTo(router);
        new GatewayApi(control, limits).addTo(router);
        new MetricsEndpoint(registry).addTo(router);
        files.addTo(router);
        Dispatcher dispatcher = new Dispatcher(new AccessCheck(settings.token()), router,
                limits.maxConcurrentCalls());
        ExecutorService handlers = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("orrery-console-", 0).factory());
        EventHub hub = new EventHub(limits, () -> JsonViews.write(ServicesApi.servicesJson(control)), registry);
        try {
            HttpServer server = HttpServer.bind(settings.bind(), settings.port(), limits,
                    () -> new HttpChannel(dispatcher, hub, handlers));
            try {
                Console console = new Console(server, hub, handlers, uriOf(settings.bind(), server.address()));
                LOG.info("console at {}{}", console.uri, settings.token().isPresent() ? " (token required)" : "");
                return console;
            } catch (RuntimeException e) {
                server.stopAccepting();
                server.close();
                throw e;
            }
        } catch (RuntimeException e) {
            hub.close();
            handlers.shutdownNow();
            throw e;
        }
    }

    /**
     * A console that other hosts can reach must ask for a token: without one, anyone on the network could stop the
     * services. The supervisor's config checks this too; this is the check for every other caller.
     */
    private static void requireTokenBeyondLoopback(ConsoleSettings settings) {
        if (settings.token().isPresent()) {
            return;
        }
        if (!resolve(settings.bind()).isLoopbackAddress()) {
            throw new OrreryException(Status.INVALID_ARGUMENT, "the console would listen on " + settings.bind()
                    + ", which reaches beyond this host, without a token; set [console] token, or bind 127.0.0.1");
        }
    }

    /**
     * Where the console listens, with the real port, such as {@code http://127.0.0.1:5155/}. When it listens on
     * every address, the URI names the loopback address, which reaches it from this host.
     *
     * @return the address of its overview page
     */
    public URI uri() {
        return uri;
    }

    /**
     * Stops accepting connections, ends every live stream (which closes the log tails behind them), closes every
     * connection and releases the console's threads. Requests being answered get two seconds to finish. Calling it
     * again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stopAccepting();
        hub.close();
        handlers.shutdown();
        try {
            if (!handlers.awaitTermination(2, TimeUnit.SECONDS)) {
                handlers.shutdownNow();
            }
        } catch (InterruptedException e) {
            handlers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        server.close();
    }

    /**
     * The URI of the address bound. A wildcard bind is named by the loopback address of the family the settings
     * asked for: the JDK may report {@code 0.0.0.0} as {@code ::}, since one IPv6 socket serves both.
     */
    private static URI uriOf(String bind, InetSocketAddress address) {
        InetAddress host = address.getAddress();
        String name;
        if (host.isAnyLocalAddress()) {
            host = resolve(bind);
            name = host instanceof Inet6Address ? "[::1]" : "127.0.0.1";
        } else if (host instanceof Inet6Address) {
            name = "[" + host.getHostAddress().replaceFirst("%.*$", "") + "]";
        } else {
            name = host.getHostAddress();
        }
        return URI.create("http://" + name + ":" + address.getPort() + "/");
    }

    private static InetAddress resolve(String bind) {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new OrreryException(Status.INVALID_ARGUMENT, "the console's bind address '" + bind
                    + "' is not an address of this host; use an IP address such as 127.0.0.1", e);
        }
    }

    @Override
    public String toString() {
        return "Console[" + uri + "]";
    }
}
