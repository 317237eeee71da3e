package dev.orrery.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The client child of the systems whose both ends run in child JVMs (Aeron, the raw floor): it connects to the
 * pong side that a {@link BenchServer} child serves, warms up, measures, and tells the bench process on stdout:
 * {@value #WARMING} once connected, {@value #MEASURING} as the measurement begins, then {@code RESULT} and a
 * {@link PingReport}. Anything else it prints goes to stderr. It stops when its stdin closes, as when the bench
 * process ends.
 *
 * <pre>{@code
 * java -cp CLASSPATH dev.orrery.bench.PingClient --system floor --path /dev/shm/orrery-bench-floor-1.mmap \
 *     --payload 64 --concurrency 1 --warmup 10s --duration 10s
 * }</pre>
 */
@Command(name = "bench-ping", mixinStandardHelpOptions = true,
        description = "Measures round trips to a pong child of the benchmarks, and reports them on stdout.")
public final class PingClient implements Callable<Integer> {

    /** The line that tells the bench process the warm-up begins. */
    static final String WARMING = "WARMING";
    /** The line that tells the bench process the measurement begins. */
    static final String MEASURING = "MEASURING";
    /** The prefix of the last line: the report. */
    static final String RESULT = "RESULT ";
    /** The exit code when the bench process closed stdin before the report. */
    private static final int EXIT_ORPHANED = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--system", required = true, description = "aeron or floor")
    private String system;

    @Option(names = "--path", required = true, description = "the Aeron directory, or the floor's file")
    private Path path;

    @Option(names = "--payload", required = true, description = "bytes per request")
    private int payload;

    @Option(names = "--concurrency", required = true, description = "requests outstanding at once")
    private int concurrency;

    @Option(names = "--warmup", required = true, converter = DurationConverter.class,
            description = "warm-up, not measured")
    private Duration warmup;

    @Option(names = "--duration", required = true, converter = DurationConverter.class,
            description = "measurement")
    private Duration duration;

    /** Creates the command; picocli fills in its options. */
    public PingClient() {
    }

    /**
     * Measures and reports.
     *
     * @param args {@code --system aeron|floor --path PATH --payload N --concurrency N --warmup D --duration D}
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new PingClient()).execute(args));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        BenchSystem chosen = BenchSystem.byKey(system).filter(BenchSystem::inChildPair)
                .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                        "unknown system '" + system + "': use aeron or floor"));
        Thread.ofPlatform().daemon(true).name("bench-ping-stdin").start(PingClient::exitWhenStdinCloses);
        try (EchoPipe pipe = chosen == BenchSystem.AERON ? AeronPing.connect(path, payload)
                : FloorPing.connect(path)) {
            tell(WARMING);
            Measurement measurement = new Measurement(chosen.label(), chosen.transport(), payload, concurrency,
                    warmup, duration);
            CpuMeter cpu = new CpuMeter(List.of(CpuMeter.THIS_PROCESS));
            Measurement.Outcome outcome = measurement.measure(
                    recorder -> PipelinedPing.start(chosen.key(), pipe, concurrency, recorder),
                    () -> {
                        cpu.start();
                        tell(MEASURING);
                    },
                    cpu::stop, new PrintWriter(OutputStream.nullOutputStream()));
            LatencyRecorder.Interval warm = outcome.warm();
            PingReport report = new PingReport(outcome.result().withCpuPercent(cpu.percent()), warm.errors(),
                    warm.firstError() == null ? null : String.valueOf(warm.firstError()));
            tell(RESULT + report.format());
        }
        return 0;
    }

    /** A busy-spinning child must not outlive the bench process, whose end closes its stdin. */
    private static void exitWhenStdinCloses() {
        try {
            while (System.in.read() >= 0) {
                // Nothing is sent on stdin: it only tells that the bench process still runs.
            }
        } catch (IOException e) {
            System.err.println("warning: cannot read stdin (" + e + "); stopping");
        }
        System.exit(EXIT_ORPHANED);
    }

    private static void tell(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
