package dev.orrery.bench;

import io.grpc.Server;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The server child of the benchmarks: serves one system's echo service, or an Orrery name server, on 127.0.0.1,
 * prints {@code READY <port>} on stdout once it accepts calls, and stops when its stdin closes or on SIGTERM.
 *
 * <pre>{@code
 * java -cp CLASSPATH dev.orrery.bench.BenchServer --system grpc --port 0
 * java -cp CLASSPATH dev.orrery.bench.BenchServer --system nameserver --port 0
 * java -cp CLASSPATH dev.orrery.bench.BenchServer --system orrery --nameserver tcp://127.0.0.1:2012 --port 0
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

    @Option(names = "--system", required = true, description = "orrery, grpc, or nameserver (an Orrery name server)")
    private String system;

    @Option(names = "--nameserver", paramLabel = "URI",
            description = "with --system orrery: the name server to register the demo services with")
    private String nameServer;

    @Option(names = "--port", defaultValue = "0", description = "port on 127.0.0.1; 0 for any free one")
    private int port;

    /** Creates the command; picocli fills in its options. */
    public BenchServer() {
    }

    /**
     * Runs the server until stdin closes.
     *
     * @param args {@code --system orrery|grpc|nameserver [--nameserver URI] [--port N]}
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
                "unknown system '" + system + "': use orrery, grpc or " + NAME_SERVER));
        if (nameServer != null && chosen != BenchSystem.ORRERY) {
            throw usage("--nameserver goes with --system orrery only");
        }
        return switch (chosen) {
            case ORRERY -> OrreryEchoServer.serve(port, nameServer);
            case GRPC -> grpc(GrpcEcho.serve(port));
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
    static final class Running {
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

        void close() {
            if (closed.compareAndSet(false, true)) {
                stop.run();
            }
        }
    }
}
