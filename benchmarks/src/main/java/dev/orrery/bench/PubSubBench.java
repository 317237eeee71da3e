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
 * {@code orrery bench pubsub}: one publisher and its subscribers, each in a child JVM of this host, for Orrery
 * over shared memory and over TCP, and for each peer side by side: the rate of messages delivered to all
 * subscribers while the publisher publishes as fast as they take them, and the latency from publish to handler at
 * a fixed rate. Results go to stdout, as a table or as JSON lines; progress goes to stderr.
 *
 * <pre>{@code
 * orrery bench pubsub --transport all --peers jeromq,aeron --subscribers 2
 * orrery bench pubsub --transport tcp --mode sync --duration 5s
 * }</pre>
 */
@Command(name = "pubsub",
        mixinStandardHelpOptions = true,
        description = {"Measures topics between processes of this host: one publisher and --subscribers "
                + "subscribers, each in a child JVM. First the publisher floods them: msgs/s counts every "
                + "delivery, so with N subscribers each message counts N times. Then it publishes --rate "
                + "messages a second, and the latency runs from publish to handler (System.nanoTime() in the "
                + "first 8 bytes of each message). cpu %% is the CPU time of the children during the flood, of "
                + "one core.",
                "Orrery's publisher finds the subscribers through a name server in this process. Peers use their "
                        + "own transport whatever --transport says: JeroMQ PUB/SUB over loopback TCP, Aeron IPC "
                        + "with an embedded media driver (whose JVMs alone get --add-exports "
                        + "java.base/jdk.internal.misc=ALL-UNNAMED). No system drops a message: Orrery's policy "
                        + "is BLOCK, JeroMQ's PUB has ZMQ_XPUB_NODROP, Aeron waits for its slowest subscriber."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every message delivered", "1:messages lost or failed, or a child did not run",
                "2:usage"})
public final class PubSubBench implements Callable<Integer> {

    /** The most subscriber processes. */
    static final int MAX_SUBSCRIBERS = 32;
    /** The highest paced rate. */
    static final int MAX_RATE = 1_000_000;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--transport", defaultValue = "all", paramLabel = "shm|tcp|all",
            description = "Orrery's transport: shm (shared memory), tcp (loopback), or all (both); peers keep "
                    + "their own (default: ${DEFAULT-VALUE})")
    private String transport;

    @Option(names = "--subscribers", defaultValue = "2", paramLabel = "N",
            description = "subscriber processes (default: ${DEFAULT-VALUE})")
    private int subscribers;

    @Option(names = "--payload", defaultValue = "64",
            description = "bytes per message, at least " + TopicMessage.HEADER + " (default: ${DEFAULT-VALUE})")
    private int payload;

    @Option(names = "--mode", defaultValue = "async", paramLabel = "async|sync",
            description = "Orrery's delivery: async (a publish completes once written, 16 slots per subscriber) "
                    + "or sync (once every subscriber has handled it, 1 slot); peers publish as they always do "
                    + "(default: ${DEFAULT-VALUE})")
    private String mode;

    @Option(names = "--slots", defaultValue = "0", paramLabel = "N",
            description = "the window each Orrery subscription grants, 1 to 65536; 0 for the API's default: 16 to "
                    + "an async publisher, 1 to a sync one (default: ${DEFAULT-VALUE})")
    private int slots;

    @Option(names = "--idle", defaultValue = "hybrid", paramLabel = "busy-spin|hybrid|low-cpu",
            description = "how each Orrery subscriber's shared-memory readers wait (orrery.shm.idle in the subscriber "
                    + "processes); the publisher keeps the default, hybrid (default: ${DEFAULT-VALUE})")
    private String idle;

    @Option(names = "--rate", defaultValue = "10000", paramLabel = "MSGS",
            description = "messages a second while the latency is measured (default: ${DEFAULT-VALUE})")
    private int rate;

    @Option(names = "--duration", defaultValue = "10s", converter = DurationConverter.class,
            description = "each measurement, the rate's and the latency's, such as 500ms, 10s, 1m "
                    + "(default: ${DEFAULT-VALUE})")
    private Duration duration;

    @Option(names = "--warmup", defaultValue = "5s", converter = DurationConverter.class,
            description = "flooding before the rate is measured, not measured (default: ${DEFAULT-VALUE})")
    private Duration warmup;

    @Option(names = "--peers", split = ",", paramLabel = "PEER[,PEER...]",
            description = "peers measured after Orrery: jeromq (JeroMQ PUB/SUB, tcp), aeron (Aeron, ipc); none "
                    + "by default")
    private List<String> peers;

    @Option(names = "--json", description = "print one JSON object per result on stdout, nothing else")
    private boolean json;

    /** Creates the command; picocli fills in its options. */
    public PubSubBench() {
    }

    @Override
    public Integer call() throws InterruptedException {
        List<String> transports = transports();
        List<BenchSystem> systems = systems();
        validate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = spec.commandLine().getErr();
        List<PubSubResult> results = new ArrayList<>();
        boolean failed = false;
        for (BenchSystem system : systems) {
            for (String over : system == BenchSystem.ORRERY ? transports : List.of(system.transport())) {
                PubSubScenario scenario = new PubSubScenario(system, over, payload, subscribers, mode, slots, idle, rate,
                        warmup, duration);
                try {
                    PubSubResult result = scenario.run(System.getProperty("java.class.path"), progress);
                    results.add(result);
                    if (json) {
                        out.println(JsonRows.format(result));
                        out.flush();
                    }
                } catch (IOException | RuntimeException e) {
                    progress.println();
                    progress.println("!! " + scenario.label() + " FAILED: " + e.getMessage());
                    failed = true;
                }
            }
        }
        if (json) {
            PubSubTable.ratios(results).forEach(progress::println);
            PubSubTable.notes(results, rate).forEach(progress::println);
        } else {
            PubSubTable.render(results, rate).forEach(out::println);
        }
        out.flush();
        if (failed || results.stream().anyMatch(PubSubResult::failed)) {
            progress.println("!! the run had failures: see the lines marked !! above");
            progress.flush();
            return 1;
        }
        progress.flush();
        return 0;
    }

    /** Orrery, then the peers of {@code --peers}. */
    private List<BenchSystem> systems() {
        Set<BenchSystem> systems = new LinkedHashSet<>();
        systems.add(BenchSystem.ORRERY);
        for (String peer : peers == null ? List.<String>of() : peers) {
            if (peer.isBlank()) {
                continue;
            }
            systems.add(BenchSystem.byKey(peer).filter(system -> system.isPeer() && system.hasTopics())
                    .orElseThrow(() -> usage("unknown peer '" + peer + "': the peers of bench pubsub are jeromq "
                            + "and aeron")));
        }
        return List.copyOf(systems);
    }

    private List<String> transports() {
        if (transport.equals("all")) {
            return RpcBench.TRANSPORTS;
        }
        if (!RpcBench.TRANSPORTS.contains(transport)) {
            throw usage("unknown transport '" + transport + "': use shm, tcp or all");
        }
        return List.of(transport);
    }

    private void validate() {
        if (!mode.equals("async") && !mode.equals("sync")) {
            throw usage("unknown mode '" + mode + "': use async or sync");
        }
        if (subscribers < 1 || subscribers > MAX_SUBSCRIBERS) {
            throw usage("--subscribers must be from 1 to " + MAX_SUBSCRIBERS + ", got " + subscribers);
        }
        if (payload < TopicMessage.HEADER || payload > RpcBench.MAX_PAYLOAD) {
            throw usage("--payload must be from " + TopicMessage.HEADER + " bytes (a time and a number) to "
                    + RpcBench.MAX_PAYLOAD + ", got " + payload);
        }
        if (!RpcBench.IDLE_STRATEGIES.contains(idle)) {
            throw usage("unknown idle strategy '" + idle + "': use one of " + RpcBench.IDLE_STRATEGIES);
        }
        if (slots < 0 || slots > dev.orrery.pubsub.SubscribeOptions.MAX_SLOTS) {
            throw usage("--slots must be from 1 to " + dev.orrery.pubsub.SubscribeOptions.MAX_SLOTS
                    + ", or 0 for the default, got " + slots);
        }
        if (rate < 1 || rate > MAX_RATE) {
            throw usage("--rate must be from 1 to " + MAX_RATE + " messages a second, got " + rate);
        }
        if (duration.isZero()) {
            throw usage("--duration must be longer than 0, such as 10s");
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
