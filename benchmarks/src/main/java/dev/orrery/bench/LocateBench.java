package dev.orrery.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code orrery bench locate}: calls by name over TCP, with the name server and two echo servers each in a child
 * JVM, then over the in-JVM transport, with every server in this JVM, where a call costs a few microseconds and
 * what locating adds to it is not lost in the noise of the sockets. At each concurrency it measures plain calls
 * to the instances' endpoints ({@code orrery-call}), calls through a located proxy with its cache warm
 * ({@code orrery-locate+call}), and a name-server lookup before each call ({@code orrery-locate-cold+call}), by
 * turns (see {@link Turns}) so that their differences are not drift; then, over TCP, the name server's own
 * lookup rate ({@code nameserver-lookup}). Results go to stdout, as a table or as JSON lines; progress goes to
 * stderr.
 *
 * <pre>{@code
 * orrery bench locate --duration 10s --warmup 10s
 * }</pre>
 */
@Command(name = "locate",
        mixinStandardHelpOptions = true,
        description = "Measures calls by name: through a located proxy's cache, after a name-server lookup, and "
                + "the name server's lookup rate, against plain calls; over TCP to child JVMs, and in this JVM.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every call succeeded", "1:calls failed or a server did not run", "2:usage"})
public final class LocateBench implements Callable<Integer> {

    /** Instances of {@code demo.echo}: enough for a located proxy to have a choice to make. */
    static final int ECHO_SERVERS = 2;
    /** Concurrencies of the call scenarios without {@code --concurrency}. */
    static final List<Integer> DEFAULT_CALL_LEVELS = List.of(1, 8);
    /** Concurrencies of the lookups without {@code --concurrency}: the name server's rate needs many clients. */
    static final List<Integer> DEFAULT_LOOKUP_LEVELS = List.of(1, 8, 64);
    /** The in-JVM transport: calls of a few microseconds, against which a located proxy's cost stands out. */
    static final String IN_PROCESS = "inproc";
    /** The transports of {@code --transport all}, in the order they run. */
    static final List<String> TRANSPORTS = List.of("tcp", IN_PROCESS);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--duration", defaultValue = "10s", converter = DurationConverter.class,
            description = "measurement per run, such as 500ms, 10s, 1m (default: ${DEFAULT-VALUE})")
    private Duration duration;

    @Option(names = "--warmup", defaultValue = "10s", converter = DurationConverter.class,
            description = "warm-up before each run, not measured (default: ${DEFAULT-VALUE})")
    private Duration warmup;

    @Option(names = "--concurrency", split = ",", paramLabel = "N[,N...]",
            description = "calls in flight at once, for every scenario (default: 1,8 for calls; 1,8,64 for lookups)")
    private List<Integer> concurrency;

    @Option(names = "--transport", defaultValue = "all", paramLabel = "tcp|inproc|all",
            description = "tcp: every server in a child JVM; inproc: in this JVM, where a call costs a few µs and "
                    + "what locating adds stands out; all: both (default: ${DEFAULT-VALUE})")
    private String transport;

    @Option(names = "--json", description = "print one JSON object per result on stdout, nothing else")
    private boolean json;

    /** The results so far, in the order they ran. */
    private final List<RpcResult> results = new ArrayList<>();
    /** The name server's CPU time per lookup in µs, by concurrency, where the operating system tells it. */
    private final Map<Integer, Double> lookupCpuMicros = new LinkedHashMap<>();

    /** Creates the command; picocli fills in its options. */
    public LocateBench() {
    }

    @Override
    public Integer call() throws InterruptedException {
        validate();
        List<Integer> callLevels = levels(DEFAULT_CALL_LEVELS);
        List<Integer> lookupLevels = levels(DEFAULT_LOOKUP_LEVELS);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = spec.commandLine().getErr();
        boolean failed = !runAll(callLevels, lookupLevels, out, progress);
        List<String> differences = LocateTable.lines(results, lookupCpuMicros);
        if (json) {
            differences.forEach(progress::println);
        } else {
            ResultTable.render(results).forEach(out::println);
            differences.forEach(out::println);
        }
        out.flush();
        return RpcResults.exitCode(results, failed, progress);
    }

    /**
     * Runs the scenarios over each transport in turn: every call scenario at each of its concurrencies, then, over
     * TCP, where the name server has a process of its own, the lookups. With {@code --json}, each result is
     * written as soon as it is measured.
     *
     * @return false when a server or the client failed outright; the reason is on {@code progress}
     */
    private boolean runAll(List<Integer> callLevels, List<Integer> lookupLevels, PrintWriter out,
                           PrintWriter progress) throws InterruptedException {
        for (String each : transports()) {
            boolean inProcess = each.equals(IN_PROCESS);
            int most = Math.max(callLevels.getLast(), inProcess ? 0 : lookupLevels.getLast());
            try (LocateServers servers = inProcess ? InProcessServers.start(ECHO_SERVERS)
                    : LocateTopology.start(ECHO_SERVERS, System.getProperty("java.class.path"), START_TIMEOUT,
                    progress);
                 LocateClient client = LocateClient.connect(servers.nameServer(), ECHO_SERVERS, most,
                         START_TIMEOUT)) {
                progress.println(each + ": " + LocateClient.SERVICE + " at " + client.endpoints() + ", and "
                        + LocateClient.DECOYS + " decoy instances of other services");
                for (int level : callLevels) {
                    List<Turns.Contender> contenders = LocateScenario.calls().stream()
                            .map(scenario -> contender(client, scenario, each, level)).toList();
                    if (!emit(Turns.run(level, contenders, Turns.TURN, progress), servers, out, progress)) {
                        return false;
                    }
                }
                for (int level : inProcess ? List.<Integer>of() : lookupLevels) {
                    if (!emit(List.of(lookUp(client, servers, level, progress)), servers, out, progress)) {
                        return false;
                    }
                }
            } catch (IOException | RuntimeException e) {
                progress.println();
                progress.println("!! bench locate over " + each + " FAILED: " + e);
                return false;
            }
        }
        return true;
    }

    private Turns.Contender contender(LocateClient client, LocateScenario scenario, String over, int level) {
        BlockingLoad.BlockingCall call = client.call(scenario);
        return new Turns.Contender(
                new Measurement(scenario.label(), over, scenario.payload(), level, warmup, duration),
                recorder -> BlockingLoad.start(scenario.label(), level, call, recorder));
    }

    /**
     * Measures lookups at one concurrency, and how much CPU time the name server spent on them: with client and
     * server on the same two cores, the rate alone understates what the name server could answer.
     */
    private RpcResult lookUp(LocateClient client, LocateServers topology, int level, PrintWriter progress)
            throws InterruptedException {
        Turns.Contender lookups = contender(client, LocateScenario.LOOKUP, topology.transport(), level);
        progress.print(LocateScenario.LOOKUP.label() + " " + topology.transport() + " c=" + level + ": ");
        AtomicReference<Optional<Duration>> before = new AtomicReference<>(Optional.empty());
        RpcResult result = lookups.measurement().run(lookups.start(), () -> before.set(topology.nameServerCpu()),
                progress);
        Optional<Duration> after = topology.nameServerCpu();
        if (before.get().isPresent() && after.isPresent() && result.calls() > 0) {
            lookupCpuMicros.put(level, after.get().minus(before.get().get()).toNanos() / 1e3 / result.calls());
        }
        return result;
    }

    /**
     * Keeps results, and writes them at once with {@code --json}, so that a long run can be followed.
     *
     * @return false when a server child died meanwhile
     */
    private boolean emit(List<RpcResult> measured, LocateServers topology, PrintWriter out, PrintWriter progress) {
        results.addAll(measured);
        if (json) {
            measured.forEach(result -> out.println(JsonRows.format(result)));
            out.flush();
        }
        if (!topology.isAlive()) {
            progress.println("!! a server child died during the run");
            return false;
        }
        return true;
    }

    /** The concurrencies of {@code --concurrency}, or the defaults, in ascending order without repeats. */
    private List<Integer> levels(List<Integer> defaults) {
        if (concurrency == null) {
            return defaults;
        }
        Set<Integer> levels = new LinkedHashSet<>();
        for (int level : concurrency) {
            if (level < 1 || level > RpcBench.MAX_CONCURRENCY) {
                throw usage("--concurrency must be from 1 to " + RpcBench.MAX_CONCURRENCY + ", got " + level);
            }
            levels.add(level);
        }
        return levels.stream().sorted().toList();
    }

    private void validate() {
        if (duration.isZero()) {
            throw usage("--duration must be longer than 0, such as 10s");
        }
        transports();
    }

    /** The transports of {@code --transport}, in the order they run. */
    private List<String> transports() {
        if (transport.equals("all")) {
            return TRANSPORTS;
        }
        if (!TRANSPORTS.contains(transport)) {
            throw usage("--transport must be one of tcp, inproc or all, got '" + transport + "'");
        }
        return List.of(transport);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
