package dev.orrery.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One measurement of a system whose both ends run in child JVMs (Aeron, the raw floor): a fresh pong child and
 * ping child per concurrency, sharing a directory or a file in {@code /dev/shm} that is deleted at the end,
 * whatever happens. The ping child measures; this process reads its report and meters the pong child's CPU time
 * over the ping child's measurement.
 *
 * @param system      {@link BenchSystem#AERON} or {@link BenchSystem#FLOOR}
 * @param payload     bytes per request
 * @param concurrency requests outstanding at once
 * @param warmup      how long requests run before the measurement; they are not counted
 * @param duration    how long the measurement lasts
 */
record PairScenario(BenchSystem system, int payload, int concurrency, Duration warmup, Duration duration) {

    /** How long a child may take to start, and the ping child to connect. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Starts both children, lets the ping child measure, stops them and cleans up.
     *
     * @param classPath the class path of the children
     * @param progress  where to tell people what is happening
     * @return the measurement, with the CPU time of both children
     * @throws IOException when a child fails or the shared files cannot be made
     * @throws InterruptedException when interrupted
     */
    RpcResult run(String classPath, PrintWriter progress) throws IOException, InterruptedException {
        progress.print(system.label() + " " + system.transport() + " c=" + concurrency
                + ": starting the pong and ping children… ");
        progress.flush();
        try (ScratchPath shared = system == BenchSystem.AERON ? ScratchPath.directory("orrery-bench-aeron-")
                : ScratchPath.of(FloorRings.create(ScratchPath.scratchDirectory(), payload, concurrency));
             ServerProcess pong = ServerProcess.start(system.label() + " pong",
                     List.of("--system", system.key(), "--path", shared.path().toString()), system.jvmFlags(),
                     classPath, START_TIMEOUT);
             ChildProcess ping = ChildProcess.start("ping child", system.jvmFlags(), classPath, PingClient.class,
                     pingArgs(shared.path()), List.of(PingClient.WARMING, PingClient.MEASURING, PingClient.RESULT))) {
            return measure(pong, ping, progress);
        }
    }

    private RpcResult measure(ServerProcess pong, ChildProcess ping, PrintWriter progress)
            throws IOException, InterruptedException {
        CpuMeter pongCpu = new CpuMeter(List.of(pong::cpuTime));
        ping.await(PingClient.WARMING, START_TIMEOUT);
        progress.print("warming up " + DurationConverter.format(warmup) + "… ");
        progress.flush();
        ping.await(PingClient.MEASURING, warmup.plus(START_TIMEOUT));
        pongCpu.start();
        progress.print("measuring " + DurationConverter.format(duration) + "… ");
        progress.flush();
        String line = ping.await(PingClient.RESULT, duration.plus(Measurement.STOP_TIMEOUT).plus(START_TIMEOUT));
        pongCpu.stop();
        PingReport report = PingReport.parse(line.substring(PingClient.RESULT.length()));
        RpcResult result = report.result().withCpuPercent(report.result().cpuPercent() + pongCpu.percent());
        Measurement.report(result, report.warmErrors(), report.warmFirstError(), progress);
        if (!pong.isAlive()) {
            throw new IOException("the " + system.label() + " pong child died during the run");
        }
        return result;
    }

    private List<String> pingArgs(Path shared) {
        return List.of("--system", system.key(), "--path", shared.toString(), "--payload", String.valueOf(payload),
                "--concurrency", String.valueOf(concurrency), "--warmup", DurationConverter.format(warmup),
                "--duration", DurationConverter.format(duration));
    }
}
