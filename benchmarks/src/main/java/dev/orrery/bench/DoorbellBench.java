package dev.orrery.bench;

import dev.orrery.transport.shm.Futex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code orrery bench doorbell}: how fast a sleeping shared-memory reader is woken, by the two doorbells the
 * transport could use: one byte on the Unix socket of the connection, read by a thread blocked in a selector
 * (what the transport does), or a futex on a word of shared memory, through the foreign-function API. Each is
 * a ping-pong between this process and a child JVM in which neither side spins, so that every round trip is
 * two wake-ups. The rows use the keys of {@code bench rpc}: {@code system} {@code doorbell}, {@code transport}
 * {@code socket} or {@code futex}.
 */
@Command(name = "doorbell",
        mixinStandardHelpOptions = true,
        description = "Measures the wake-up of a sleeping shared-memory reader: a byte on a Unix socket against a "
                + "futex, each a ping-pong with a child JVM where neither side spins.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:both doorbells measured", "1:a doorbell failed", "2:usage"})
public final class DoorbellBench implements Callable<Integer> {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--duration", defaultValue = "5s", converter = DurationConverter.class,
            description = "measurement per doorbell, such as 500ms, 5s (default: ${DEFAULT-VALUE})")
    private Duration duration;

    @Option(names = "--warmup", defaultValue = "3s", converter = DurationConverter.class,
            description = "warm-up before each measurement (default: ${DEFAULT-VALUE})")
    private Duration warmup;

    @Option(names = "--json", description = "print one JSON object per result on stdout, nothing else")
    private boolean json;

    /** Creates the command; picocli fills in its options. */
    public DoorbellBench() {
    }

    @Override
    public Integer call() throws Exception {
        if (duration.isZero()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--duration must be longer than 0, such as 5s");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = spec.commandLine().getErr();
        List<RpcResult> results = new ArrayList<>();
        List<String> kinds = Futex.available() ? List.of("socket", "futex") : List.of("socket");
        if (!Futex.available()) {
            progress.println("note: no futex on " + System.getProperty("os.name") + "/"
                    + System.getProperty("os.arch") + "; measuring the socket doorbell only");
        }
        boolean failed = false;
        for (String kind : kinds) {
            try {
                RpcResult result = measure(kind, progress);
                results.add(result);
                if (json) {
                    out.println(JsonRows.format(result));
                    out.flush();
                }
            } catch (IOException | RuntimeException e) {
                progress.println();
                progress.println("!! the " + kind + " doorbell FAILED: " + e);
                failed = true;
            }
        }
        if (!json) {
            ResultTable.render(results).forEach(out::println);
        }
        out.flush();
        failed |= results.stream().anyMatch(result -> result.errors() > 0);
        return failed ? 1 : 0;
    }

    private RpcResult measure(String kind, PrintWriter progress) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory(ScratchPath.scratchDirectory(), "orrery-bench-doorbell-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path path = directory.resolve(kind);
        progress.println("doorbell " + kind + ": starting the answering child…");
        try (ServerSocketChannel server = kind.equals("socket") ? listen(path) : null) {
            if (server == null) {
                Files.write(path, new byte[(int) Doorbell.FutexBell.BYTES]);
            }
            Process child = ChildJvm.start(ChildJvm.command(List.of("--enable-native-access=ALL-UNNAMED"),
                    System.getProperty("java.class.path"), DoorbellPong.class, List.of(kind, path.toString())));
            awaitReady(child);
            try (Doorbell bell = server == null ? new Doorbell.FutexBell(path, true) : accept(server)) {
                Measurement measurement = new Measurement("doorbell", kind, 0, 1, warmup, duration);
                AtomicInteger sequence = new AtomicInteger();
                BlockingLoad.BlockingCall ping = () -> {
                    int next = sequence.incrementAndGet();
                    bell.ring(next);
                    if (!bell.await(next)) {
                        throw new IOException("the answering child went away");
                    }
                };
                CpuMeter cpu = new CpuMeter(List.of(CpuMeter.THIS_PROCESS, () -> child.info().totalCpuDuration()));
                return measurement.run(recorder -> BlockingLoad.start("doorbell-" + kind, 1, ping, recorder), cpu,
                        progress);
            } finally {
                ChildJvm.stop(child, "doorbell child");
            }
        } finally {
            Files.deleteIfExists(path);
            Files.deleteIfExists(directory);
        }
    }

    private static ServerSocketChannel listen(Path path) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        return server;
    }

    private static Doorbell accept(ServerSocketChannel server) throws IOException {
        SocketChannel socket = server.accept();
        return Doorbell.Socket.over(socket);
    }

    /** Waits for the child's {@code READY} line; it has connected to the socket or mapped the file by then. */
    private static void awaitReady(Process child) throws IOException, InterruptedException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return lines.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, runnable -> Thread.ofVirtual().start(runnable));
        String line;
        try {
            line = first.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the doorbell child was not ready within " + DurationConverter.format(READY_TIMEOUT),
                    e);
        }
        if (line == null || !line.startsWith("READY")) {
            throw new IOException("the doorbell child did not start; it said: " + line);
        }
    }
}
