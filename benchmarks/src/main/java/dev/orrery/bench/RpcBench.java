package dev.orrery.bench;

import dev.orrery.Endpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code orrery bench rpc}: echo round trips between two processes of this host, for Orrery over each of its
 * transports, for each peer, and for the raw floor of the machine, at each concurrency. Results go to stdout, as
 * a table or as JSON lines; progress goes to stderr.
 *
 * <pre>{@code
 * orrery bench rpc --peers grpc --duration 5s --concurrency 1,64
 * orrery bench rpc --transport all --peers grpc,jeromq,aeron --concurrency 1,64 --payload 4096
 * orrery bench rpc --transport tcp --metrics both --concurrency 64
 * }</pre>
 */
@Command(name = "rpc",
        mixinStandardHelpOptions = true,
        description = {"Measures echo round trips between two processes of this host: Orrery (client in this "
                + "process, server in a child JVM), and each peer side by side, with the CPU time that client "
                + "and server use together (cpu %%, of one core: up to 200 on two cores).",
                "Peers use their own transport whatever --transport says: gRPC-java and JeroMQ (DEALER to "
                        + "ROUTER) over loopback TCP, Aeron over IPC with an embedded media driver. With shm, the "
                        + "raw floor runs too: two processes ping-ponging numbered messages through one "
                        + "memory-mapped file. Aeron and the floor run both ends in child JVMs, busy-spin "
                        + "whatever --idle says, and only Aeron's JVMs get the options Aeron needs on JDK 25 "
                        + "(--add-exports java.base/jdk.internal.misc=ALL-UNNAMED)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every call succeeded", "1:calls failed or a server did not run", "2:usage"})
public final class RpcBench implements Callable<Integer> {

    /** The largest payload: well under gRPC's default 4 MiB limit on a message. */
    static final int MAX_PAYLOAD = 1 << 20;
    /** The most calls in flight: Orrery's largest slot window. */
    static final int MAX_CONCURRENCY = 65_535;
    /** Orrery's transports, in the order {@code --transport all} runs them. */
    static final List<String> TRANSPORTS = List.of("shm", "tcp");
    /** The idle strategies of Orrery's shared-memory transport. */
    static final List<String> IDLE_STRATEGIES = List.of("busy-spin", "hybrid", "low-cpu");
    private static final Duration SERVER_START_TIMEOUT = Duration.ofSeconds(30);
    /** The one pass of a peer's server child, which has no metrics setting. */
    private static final List<String> NO_METRICS_SETTING = Collections.singletonList(null);
    /** Numbers the shared-memory endpoints of one run, which must not meet those of another. */
    private static final AtomicInteger SHM_ENDPOINTS = new AtomicInteger();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--transport", defaultValue = "tcp", paramLabel = "shm|tcp|all",
            description = "Orrery's transport: shm (shared memory, shm://NAME?idle=…), tcp (loopback), or all "
                    + "(both); peers keep their own; with shm, the raw floor runs too (default: ${DEFAULT-VALUE})")
    private String transport;

    @Option(names = "--idle", defaultValue = "hybrid", paramLabel = "busy-spin|hybrid|low-cpu",
            description = "how both ends of Orrery's shm connection wait for data: busy-spin (a core each), "
                    + "hybrid (spin, then sleep until rung) or low-cpu; Aeron and the raw floor always busy-spin "
                    + "(default: ${DEFAULT-VALUE})")
    private String idle;

    @Option(names = "--payload", defaultValue = "64", description = "bytes per request (default: ${DEFAULT-VALUE})")
    private int payload;

    @Option(names = "--duration", defaultValue = "10s", converter = DurationConverter.class,
            description = "measurement per run, such as 500ms, 10s, 1m (default: ${DEFAULT-VALUE})")
    private Duration duration;

    // On two cores a shorter warm-up measures the JIT compiler rather than the systems: C2 was still busy after 7 s.
    @Option(names = "--warmup", defaultValue = "10s", converter = DurationConverter.class,
            description = "warm-up before each run, not measured, so that every system is compiled by the JIT "
                    + "(default: ${DEFAULT-VALUE})")
    private Duration warmup;

    @Option(names = "--concurrency", defaultValue = "1", split = ",", paramLabel = "N[,N...]",
            description = "calls in flight at once; a list runs each (default: ${DEFAULT-VALUE})")
    private List<Integer> concurrency;

    @Option(names = "--peers", split = ",", paramLabel = "PEER[,PEER...]",
            description = "peers measured after Orrery: grpc (gRPC-java, tcp), jeromq (JeroMQ, tcp), aeron "
                    + "(Aeron, ipc); none by default")
    private List<String> peers;

    @Option(names = "--method", defaultValue = "echoBytes", converter = EchoMethod.Converter.class,
            description = "echoBytes (raw byte[]) or echo (a String through the MessagePack codec; Orrery only, "
                    + "peers always echo bytes) (default: ${DEFAULT-VALUE})")
    private EchoMethod method;

    @Option(names = "--metrics", defaultValue = "on", split = ",", paramLabel = "on|off|both",
            description = "whether Orrery's server child records call metrics: on (as Orrery ships), off, or both "
                    + "(a server child with them on, then one with them off, and the ratio of the two); a list such "
                    + "as off,on runs each in that order (default: ${DEFAULT-VALUE})")
    private List<String> metrics;

    @Option(names = "--json", description = "print one JSON object per result on stdout, nothing else")
    private boolean json;

    /** Creates the command; picocli fills in its options. */
    public RpcBench() {
    }

    @Override
    public Integer call() throws InterruptedException {
        List<String> transports = transports();
        List<BenchSystem> systems = systems(transports);
        List<Integer> levels = concurrencies();
        List<String> metricsSettings = metricsSettings();
        validate(systems, levels);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = spec.commandLine().getErr();
        notes(systems, progress);
        RpcResults results = new RpcResults(json ? out : null);
        boolean failed = false;
        for (BenchSystem system : systems) {
            for (String over : system == BenchSystem.ORRERY ? transports : List.of(system.transport())) {
                if (system.inChildPair()) {
                    failed |= !runPairs(system, levels, results, progress);
                    continue;
                }
                for (String setting : system == BenchSystem.ORRERY ? metricsSettings : NO_METRICS_SETTING) {
                    failed |= !runServed(system, over, setting, levels, results, progress);
                }
            }
        }
        return results.finish(failed, out, progress);
    }

    /**
     * Runs every concurrency level against one server child of a system, the client in this process.
     *
     * @param setting Orrery's {@code --metrics} in the server child, {@code on} or {@code off}; {@code null} for
     *                the peers
     * @return false when the server or a run failed outright; the reason is on {@code progress}
     */
    private boolean runServed(BenchSystem system, String over, String setting, List<Integer> levels,
                              RpcResults results, PrintWriter progress) throws InterruptedException {
        progress.println(system.label() + " " + over + (setting == null ? "" : " (metrics " + setting + ")")
                + ": starting the server child…");
        progress.flush();
        String shm = "shm://bench-" + ProcessHandle.current().pid() + "-" + SHM_ENDPOINTS.incrementAndGet()
                + "?idle=" + idle;
        List<String> serverArgs = new ArrayList<>(List.of("--system", system.key()));
        if (over.equals("shm")) {
            serverArgs.addAll(List.of("--listen", shm));
        }
        if (setting != null) {
            serverArgs.addAll(List.of("--metrics", setting));
        }
        try (ServerProcess server = ServerProcess.start(system.label(), serverArgs, system.jvmFlags(),
                System.getProperty("java.class.path"), SERVER_START_TIMEOUT)) {
            Endpoint endpoint = Endpoint.parse(over.equals("shm") ? shm : "tcp://127.0.0.1:" + server.port());
            for (int level : levels) {
                RpcScenario scenario = new RpcScenario(system, over, payload, level, method, warmup, duration);
                RpcResult result = scenario.run(endpoint,
                        new CpuMeter(List.of(CpuMeter.THIS_PROCESS, server::cpuTime)), progress);
                results.add(setting == null ? result : result.withMetrics(setting));
                if (!server.isAlive()) {
                    progress.println("!! " + system.label() + ": the server child died during the run");
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            progress.println();
            progress.println("!! " + system.label() + " " + over + " FAILED: " + e);
            return false;
        }
    }

    /**
     * Runs every concurrency level of a system whose both ends run in child JVMs, a fresh pair for each.
     *
     * @return false when a child failed; the reason is on {@code progress}
     */
    private boolean runPairs(BenchSystem system, List<Integer> levels, RpcResults results, PrintWriter progress)
            throws InterruptedException {
        for (int level : levels) {
            try {
                results.add(new PairScenario(system, payload, level, warmup, duration)
                        .run(System.getProperty("java.class.path"), progress));
            } catch (IOException | RuntimeException e) {
                progress.println();
                progress.println("!! " + system.label() + " " + system.transport() + " c=" + level + " FAILED: "
                        + e.getMessage());
                return false;
            }
        }
        return true;
    }

    private void notes(List<BenchSystem> systems, PrintWriter progress) {
        if (method == EchoMethod.ECHO && systems.size() > 1) {
            progress.println("note: --method echo changes only Orrery's calls; peers echo " + payload + " raw bytes");
        }
        if (!idle.equals("busy-spin") && systems.stream().anyMatch(BenchSystem::inChildPair)) {
            progress.println("note: --idle " + idle + " is Orrery's over shm; Aeron and the raw floor busy-spin");
        }
    }

    /** Orrery, the peers of {@code --peers}, then the raw floor when shared memory is measured. */
    private List<BenchSystem> systems(List<String> transports) {
        Set<BenchSystem> systems = new LinkedHashSet<>();
        systems.add(BenchSystem.ORRERY);
        for (String peer : peers == null ? List.<String>of() : peers) {
            if (peer.isBlank()) {
                continue;
            }
            BenchSystem system = BenchSystem.byKey(peer).filter(BenchSystem::isPeer).orElseThrow(() -> usage(
                    "unknown peer '" + peer + "': the peers are " + BenchSystem.peerKeys()));
            systems.add(system);
        }
        if (transports.contains("shm")) {
            systems.add(BenchSystem.FLOOR);
        }
        return List.copyOf(systems);
    }

    private List<String> transports() {
        if (transport.equals("all")) {
            return TRANSPORTS;
        }
        if (!TRANSPORTS.contains(transport)) {
            throw usage("unknown transport '" + transport + "': use shm, tcp or all");
        }
        return List.of(transport);
    }

    /** {@code on}, {@code off}, or both in the order asked; {@code both} is on, then off. */
    private List<String> metricsSettings() {
        Set<String> settings = new LinkedHashSet<>();
        for (String setting : metrics) {
            switch (setting.strip()) {
                case RpcResult.METRICS_ON -> settings.add(RpcResult.METRICS_ON);
                case RpcResult.METRICS_OFF -> settings.add(RpcResult.METRICS_OFF);
                case "both" -> settings.addAll(List.of(RpcResult.METRICS_ON, RpcResult.METRICS_OFF));
                default -> throw usage("unknown --metrics '" + setting + "': use on, off or both");
            }
        }
        return List.copyOf(settings);
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

    private void validate(List<BenchSystem> systems, List<Integer> levels) {
        if (!IDLE_STRATEGIES.contains(idle)) {
            throw usage("unknown idle strategy '" + idle + "': use busy-spin, hybrid or low-cpu");
        }
        if (payload < 0 || payload > MAX_PAYLOAD) {
            throw usage("--payload must be from 0 to " + MAX_PAYLOAD + " bytes, got " + payload);
        }
        if (duration.isZero()) {
            throw usage("--duration must be longer than 0, such as 10s");
        }
        int most = levels.stream().mapToInt(Integer::intValue).max().orElse(1);
        if (systems.contains(BenchSystem.FLOOR) && FloorRings.fileBytes(payload, most) > FloorRings.MAX_FILE_BYTES) {
            throw usage("the raw floor would map " + (FloorRings.fileBytes(payload, most) >> 20) + " MiB for "
                    + payload + " bytes at concurrency " + most + ", more than " + (FloorRings.MAX_FILE_BYTES >> 20)
                    + " MiB: lower --payload or --concurrency");
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
