package dev.orrery.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One run of {@code bench pubsub}: a publisher and its subscribers, each in a child JVM, with what the system
 * needs besides (Orrery's name server in this process, Aeron's directory in {@code /dev/shm}). The publisher
 * floods the subscribers to measure the rate they receive, then publishes at a fixed rate to measure the latency
 * from publish to handler, which under a flood would be the time messages wait in full queues.
 *
 * @param system      the system
 * @param transport   Orrery's {@code shm} or {@code tcp}; a peer's own
 * @param payload     bytes per message
 * @param subscribers subscriber processes
 * @param mode        {@code async} or {@code sync}: Orrery's publisher's; peers publish as they always do
 * @param slots       the window of Orrery's subscriptions, 0 for the default
 * @param idle        how Orrery's subscribers' shared-memory readers wait
 * @param rate        messages a second while the latencies are measured
 * @param warmup      how long the flood runs before the rate is measured
 * @param duration    how long each measurement lasts
 */
record PubSubScenario(BenchSystem system, String transport, int payload, int subscribers, String mode, int slots,
                      String idle, int rate, Duration warmup, Duration duration) {

    /** How long a child may take to start, the subscribers to receive a first message, and a child to answer. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** The longest pause between the flood and the paced measurement, for queues to drain. */
    private static final Duration MAX_SETTLE = Duration.ofSeconds(2);

    /**
     * @return how the publisher runs: the mode asked for Orrery's, {@code async} for a peer's
     */
    String publisherMode() {
        return system == BenchSystem.ORRERY ? mode : "async";
    }

    /**
     * @return such as {@code orrery shm subs=2 async}
     */
    String label() {
        return system.label() + " " + transport + " subs=" + subscribers + " " + publisherMode()
                + (system == BenchSystem.ORRERY && slots > 0 ? " slots=" + slots : "")
                + (idleApplies() && !idle.equals("hybrid") ? " idle=" + idle : "");
    }

    /** @return whether {@link #idle} says anything here: Orrery over shared memory */
    boolean idleApplies() {
        return system == BenchSystem.ORRERY && transport.equals("shm");
    }

    /** @return the JVM options of the subscriber children: the system's, and the idle strategy where it applies */
    List<String> subscriberFlags() {
        if (!idleApplies()) {
            return system.jvmFlags();
        }
        List<String> flags = new ArrayList<>(system.jvmFlags());
        flags.add("-Dorrery.shm.idle=" + idle);
        return flags;
    }

    /**
     * Starts what the run needs, measures, and stops it all.
     *
     * @param classPath the class path of the children
     * @param progress  where to tell people what is happening
     * @return the measurement
     * @throws IOException when a child fails, or the shared directory cannot be made
     * @throws InterruptedException when interrupted
     */
    PubSubResult run(String classPath, PrintWriter progress) throws IOException, InterruptedException {
        // A line of its own: the children's logs follow on stderr.
        progress.println(label() + ": starting the publisher and " + subscribers + " subscriber children…");
        progress.flush();
        try (ScratchPath aeron = system == BenchSystem.AERON ? ScratchPath.directory("orrery-bench-aeron-") : null;
             BenchServer.Running nameServer = system == BenchSystem.ORRERY ? OrreryNameServer.serve(0) : null;
             PubSubChildren children = PubSubChildren.start(subscribers, system.jvmFlags(), subscriberFlags(), classPath,
                     arguments("publisher", nameServer, aeron, 0), port -> arguments("subscriber", nameServer,
                             aeron, port), START_TIMEOUT)) {
            PubSubResult result = measure(children, progress);
            if (!children.isAlive()) {
                throw new IOException("a child of " + label() + " died during the run");
            }
            return result;
        }
    }

    private PubSubResult measure(PubSubChildren children, PrintWriter progress)
            throws IOException, InterruptedException {
        CpuMeter cpu = new CpuMeter(children.cpuClocks());
        children.pace(PubSubChild.FLOOD);
        progress.print(label() + " flooding: warming up " + DurationConverter.format(warmup) + "… ");
        progress.flush();
        Thread.sleep(warmup);
        children.cut(START_TIMEOUT);
        cpu.start();
        progress.print("measuring " + DurationConverter.format(duration) + "… ");
        progress.flush();
        Thread.sleep(duration);
        PubSubChildren.Cut flood = children.cut(START_TIMEOUT);
        cpu.stop();
        children.pace(PubSubChild.PACE);
        progress.print(String.format(Locale.ROOT, "%,.0f msgs/s; paced at %,d/s: measuring %s… ",
                flood.deliveredPerSecond(), rate, DurationConverter.format(duration)));
        progress.flush();
        // The flood leaves queues full; the latencies start once they have drained.
        Thread.sleep(warmup.compareTo(MAX_SETTLE) < 0 ? warmup : MAX_SETTLE);
        children.cut(START_TIMEOUT);
        Thread.sleep(duration);
        PubSubChildren.Cut paced = children.cut(START_TIMEOUT);
        PubSubResult result = PubSubResult.of(this, flood, paced, cpu.percent());
        report(result, progress);
        return result;
    }

    private List<String> arguments(String role, BenchServer.Running nameServer, ScratchPath aeron, int port) {
        List<String> arguments = new ArrayList<>(List.of("--role", role, "--system", system.key(),
                "--transport", transport, "--mode", mode, "--slots", String.valueOf(slots), "--payload",
                String.valueOf(payload), "--rate", String.valueOf(rate), "--port", String.valueOf(port)));
        if (nameServer != null) {
            arguments.addAll(List.of("--nameserver", "tcp://127.0.0.1:" + nameServer.port()));
        }
        if (aeron != null) {
            arguments.addAll(List.of("--path", aeron.path().toString()));
        }
        return arguments;
    }

    /** Tells people the outcome, and loudly what went wrong. */
    private void report(PubSubResult result, PrintWriter progress) {
        progress.println(String.format(Locale.ROOT, "p50 %.1f µs, p99 %.1f µs", result.p50Us(), result.p99Us())
                + (Double.isNaN(result.cpuPercent()) ? ""
                        : String.format(Locale.ROOT, "; cpu %.0f %% while flooding", result.cpuPercent())));
        progress.println(String.format(Locale.ROOT, "  published %,.0f msgs/s flooding, %,.0f/s paced",
                result.publishedPerSec(), result.pacedPerSec()));
        if (result.publishedPerSec() < 2.0 * rate) {
            progress.println(String.format(Locale.ROOT, "note: %s published at most %,.0f msgs/s, less than twice "
                    + "the paced %,d/s: its latencies include waiting for the subscribers; a lower --rate measures "
                    + "them apart", label(), result.publishedPerSec(), rate));
        }
        if (result.missing() > 0) {
            progress.println(String.format(Locale.ROOT, "!! %s %s: %,d messages LOST on the way", result.system(),
                    result.transport(), result.missing()));
        }
        if (result.errors() > 0) {
            progress.println(String.format(Locale.ROOT, "!! %s %s: %,d publishes or messages FAILED; first "
                    + "failure: %s", result.system(), result.transport(), result.errors(), result.firstError()));
        }
        if (result.msgsPerSec() <= 0) {
            progress.println("!! " + result.system() + " " + result.transport() + ": no message was delivered");
        }
        progress.flush();
    }
}
