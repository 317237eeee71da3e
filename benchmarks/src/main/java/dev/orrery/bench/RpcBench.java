package dev.orrery.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code orrery bench rpc}: echo round trips between this process and a server in a child JVM, for Orrery and
 * for each peer, at each concurrency. Results go to stdout, as a table or as JSON lines; progress goes to
 * stderr.
 *
 * <pre>{@code
 * orrery bench rpc --peers grpc --duration 5s --concurrency 1,64
 * }</pre>
 */
@Command(name = "rpc",
        mixinStandardHelpOptions = true,
        description = "Measures echo round trips to a server in a child JVM: Orrery, and each peer side by side.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every call succeeded", "1:calls failed or a server did not run", "2:usage"})
public final class RpcBench implements Callable<Integer> {

    /** The largest payload: well under gRPC's default 4 MiB limit on a message. */
    static final int MAX_PAYLOAD = 1 << 20;
    /** The most calls in flight: Orrery's largest slot window. */
    static final int MAX_CONCURRENCY = 65_535;
    private static final Duration SERVER_START_TIMEOUT = Duration.ofSeconds(30);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--transport", defaultValue = "tcp", description = "transport to measure; only tcp for now")
    private String transport;

    @Option(names = "--payload", defaultValue = "64", description = "bytes per request (default: ${DEFAULT-VALUE})")
    private int payload;

    @Option(names = "--duration", defaultValue = "10s", converter = DurationConverter.class,
            description = "measurement per run, such as 500ms, 10s, 1m (default: ${DEFAULT-VALUE})")
    private Duration duration;

    // On two cores a shorter warm-up measures the JIT compiler rather than the systems: C2 was still busy after 7 s.
    @Option(names = "--warmup", defaultValue = "10s", converter = DurationConverter.class,
            description = "warm-up before each run, not measured, so that both systems are compiled by the JIT "
                    + "(default: ${DEFAULT-VALUE})")
    private Duration warmup;

    @Option(names = "--concurrency", defaultValue = "1", split = ",", paramLabel = "N[,N...]",
            description = "calls in flight at once; a list runs each (default: ${DEFAULT-VALUE})")
    private List<Integer> concurrency;

    @Option(names = "--peers", split = ",", paramLabel = "PEER[,PEER...]",
            description = "peers measured after Orrery: grpc (gRPC-java); none by default")
    private List<String> peers;

    @Option(names = "--method", defaultValue = "echoBytes", converter = EchoMethod.Converter.class,
            description = "echoBytes (raw byte[]) or echo (a String through the MessagePack codec; Orrery only, "
                    + "peers always echo bytes) (default: ${DEFAULT-VALUE})")
    private EchoMethod method;

    @Option(names = "--json", description = "print one JSON object per result on stdout, nothing else")
    private boolean json;

    /** Creates the command; picocli fills in its options. */
    public RpcBench() {
    }

    @Override
    public Integer call() throws InterruptedException {
        validate();
        List<BenchSystem> systems = systems();
        List<Integer> levels = concurrencies();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = spec.commandLine().getErr();
        if (method == EchoMethod.ECHO && systems.size() > 1) {
            progress.println("note: --method echo changes only Orrery's calls; peers echo " + payload + " raw bytes");
        }
        List<RpcResult> results = new ArrayList<>();
        boolean failed = false;
        for (BenchSystem system : systems) {
            failed |= !runSystem(system, levels, results, out, progress);
        }
        if (json) {
            ResultTable.ratios(results).forEach(progress::println);
        } else {
            ResultTable.render(results).forEach(out::println);
        }
        out.flush();
        boolean callsFailed = results.stream().anyMatch(result -> result.errors() > 0);
        if (callsFailed || failed) {
            progress.println("!! the run had failures: see the lines marked !! above");
        }
        progress.flush();
        return callsFailed || failed ? 1 : 0;
    }

    /**
     * Runs every concurrency level against one server child of a system. With {@code --json}, each result is
     * written as soon as it is measured, so that a long run can be followed.
     *
     * @return false when the server or a run failed outright; the reason is on {@code progress}
     */
    private boolean runSystem(BenchSystem system, List<Integer> levels, List<RpcResult> results, PrintWriter out,
                              PrintWriter progress) throws InterruptedException {
        progress.println(system.label() + " " + transport + ": starting the server child…");
        progress.flush();
        try (ServerProcess server = ServerProcess.start(system, System.getProperty("java.class.path"),
                SERVER_START_TIMEOUT)) {
            for (int level : levels) {
                RpcScenario scenario = new RpcScenario(system, transport, payload, level, method, warmup, duration);
                RpcResult result = scenario.run(server.port(), progress);
                results.add(result);
                if (json) {
                    out.println(JsonRows.format(result));
                    out.flush();
                }
                if (!server.isAlive()) {
                    progress.println("!! " + system.label() + ": the server child died during the run");
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            progress.println();
            progress.println("!! " + system.label() + " " + transport + " FAILED: " + e);
            return false;
        }
    }

    private List<BenchSystem> systems() {
        Set<BenchSystem> systems = new LinkedHashSet<>();
        systems.add(BenchSystem.ORRERY);
        for (String peer : peers == null ? List.<String>of() : peers) {
            if (peer.isBlank()) {
                continue;
            }
            BenchSystem system = BenchSystem.byKey(peer)
                    .filter(found -> found != BenchSystem.ORRERY)
                    .orElseThrow(() -> usage("unknown peer '" + peer + "': the peers are grpc"));
            systems.add(system);
        }
        return List.copyOf(systems);
    }

    private List<Integer> concurrencies() {
        Set<Integer> levels = new LinkedHashSet<>();
        for (int level : concurrency) {
            if (level < 1 || level > MAX_CONCURRENCY) {
                throw usage("--concurrency must be from 1 to " + MAX_CONCURRENCY + ", got " + level);
            }
            levels.add(level);
        }
        return List.copyOf(levels);
    }

    private void validate() {
        if (!transport.equals("tcp")) {
            throw usage("unsupported transport '" + transport + "': only tcp can be measured for now");
        }
        if (payload < 0 || payload > MAX_PAYLOAD) {
            throw usage("--payload must be from 0 to " + MAX_PAYLOAD + " bytes, got " + payload);
        }
        if (duration.isZero()) {
            throw usage("--duration must be longer than 0, such as 10s");
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
