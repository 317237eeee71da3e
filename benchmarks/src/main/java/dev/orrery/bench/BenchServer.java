package dev.orrery.bench;

import io.grpc.Server;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The server child of the benchmarks: serves one system's echo service, or an Orrery name server, on this host,
 * prints {@code READY <port>} on stdout once it accepts calls (port 0 when it does not listen on TCP), and stops
 * when its stdin closes or on SIGTERM.
 *
 * <pre>{@code
 * java -cp CLASSPATH dev.orrery.bench.BenchServer --system grpc --port 0
 * java -cp CLASSPATH dev.orrery.bench.BenchServer --system nameserver --port 0
 * java -cp CLASSPATH dev.orrery.bench.BenchServer --system orrery --nameserver tcp://127.0.0.1:2012 --port 0
 * java -cp CLASSPATH dev.orrery.bench.BenchServer --system orrery --listen 'shm://bench?idle=busy-spin'
 * java -cp CLASSPATH dev.orrery.bench.BenchServer --system orrery --metrics off --port 0
 * java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp CLASSPATH dev.orrery.bench.BenchServer \
 *     --system aeron --path /dev/shm/orrery-bench-aeron-1
 * }</pre>
 */
@Command(name = "bench-server", mixinStandardHelpOptions = true,
        description = "Serves an echo service for the benchmarks until stdin closes.")
public final class BenchServer implements Callable<Integer> {

    /** The line prefix that tells the parent the server is listening. */
    static final String READY = "READY ";
    /** The {@code --system} that serves an Orrery name server instead of an echo service. */
    static final String NAME_SERVER = "nameserver";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--system", required = true,
            description = "orrery, grpc, jeromq, aeron (the pong side), floor (the pong side), or nameserver (an "
                    + "Orrery name server)")
    private String system;

    @Option(names = "--listen", paramLabel = "ENDPOINT",
            description = "with --system orrery: where to listen instead of tcp://127.0.0.1:PORT, such as "
                    + "shm://bench?idle=hybrid")
    private String listen;

    @Option(names = "--path", paramLabel = "PATH",
            description = "with --system aeron: the Aeron directory of the embedded media driver; with --system "
                    + "floor: the file the bench created")
    private Path path;

    @Option(names = "--nameserver", paramLabel = "URI",
            description = "with --system orrery: the name server to register the demo services with")
    private String nameServer;

    @Option(names = "--port", defaultValue = "0", description = "port on 127.0.0.1; 0 for any free one")
    private int port;

    @Option(names = "--metrics", paramLabel = "on|off",
            description = "with --system orrery: whether the node records call metrics (default: on)")
    private String metrics;

    /** Creates the command; picocli fills in its options. */
    public BenchServer() {
    }

    /**
     * Runs the server until stdin closes.
     *
     * @param args {@code --system orrery|grpc|jeromq|aeron|floor|nameserver [--nameserver URI] [--listen ENDPOINT]
     *             [--path PATH] [--port N] [--metrics on|off]}
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchServer()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        Running running = system.strip().equalsIgnoreCase(NAME_SERVER) ? OrreryNameServer.serve(port) : echo();
        // SIGTERM runs shutdown hooks; closing twice is harmless because Running closes once.
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(running::close));
        System.out.println(READY + running.port());
        System.out.flush();
        drain(System.in);
        running.close();
        return 0;
    }

    private Running echo() throws IOException {
        BenchSystem chosen = BenchSystem.byKey(system).orElseThrow(() -> usage(
                "unknown system '" + system + "': use orrery, grpc, jeromq, aeron, floor or " + NAME_SERVER));
        if (nameServer != null && chosen != BenchSystem.ORRERY) {
            throw usage("--nameserver goes with --system orrery only");
        }
        if (listen != null && chosen != BenchSystem.ORRERY) {
            throw usage("--listen goes with --system orrery only");
        }
        if (metrics != null && chosen != BenchSystem.ORRERY) {
            throw usage("--metrics goes with --system orrery only");
        }
        if (metrics != null && !metrics.equals(RpcResult.METRICS_ON) && !metrics.equals(RpcResult.METRICS_OFF)) {
            throw usage("--metrics is on or off, got '" + metrics + "'");
        }
        if ((path != null) != chosen.inChildPair()) {
            throw usage("--path goes with --system aeron or floor, and only with them");
        }
        return switch (chosen) {
            case ORRERY -> OrreryEchoServer.serve(listen != null ? listen : "tcp://127.0.0.1:" + port, nameServer,
                    !RpcResult.METRICS_OFF.equals(metrics));
            case GRPC -> grpc(GrpcEcho.serve(port));
            case JEROMQ -> JeroMqEcho.serve(port);
            case AERON -> AeronPong.serve(path);
            case FLOOR -> FloorPong.serve(path);
        };
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Blocks until the parent closes our stdin (or dies, which closes it too). */
    private static void drain(InputStream in) throws IOException {
        byte[] ignored = new byte[256];
        int read;
        do {
            read = in.read(ignored);
        } while (read >= 0);
    }

    private static Running grpc(Server server) {
        return new Running(server.getPort(), () -> {
            server.shutdownNow();
            try {
                if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                    System.err.println("warning: the gRPC server did not terminate within 5s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** A server that accepts calls, with what stops it. */
    static final class Running implements AutoCloseable {
        private final int port;
        private final Runnable stop;
        private final AtomicBoolean closed = new AtomicBoolean();

        /**
         * @param port the bound port
         * @param stop what stops the server; run once
         */
        Running(int port, Runnable stop) {
            this.port = port;
            this.stop = stop;
        }

        int port() {
            return port;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                stop.run();
            }
        }
    }
}
