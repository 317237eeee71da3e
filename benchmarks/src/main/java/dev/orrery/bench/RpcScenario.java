package dev.orrery.bench;

import dev.orrery.Endpoint;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * One measurement from this process: a system, a transport, a payload and a concurrency, warmed up and then
 * measured.
 *
 * @param system      the system under measurement, whose client runs in this process
 * @param transport   such as {@code tcp} or {@code shm}
 * @param payload     bytes per request
 * @param concurrency calls in flight at once
 * @param method      the echo method called
 * @param warmup      how long calls run before the measurement; they are not counted
 * @param duration    how long the measurement lasts
 */
record RpcScenario(BenchSystem system, String transport, int payload, int concurrency, EchoMethod method,
                   Duration warmup, Duration duration) {

    /**
     * Connects to a server, runs the load through warm-up and measurement, and disconnects.
     *
     * @param server   the server's endpoint, such as {@code tcp://127.0.0.1:7070}
     * @param cpu      the processes whose CPU time counts: this one and the server's
     * @param progress where to tell people what is happening
     * @return the measurement
     * @throws InterruptedException when interrupted
     */
    RpcResult run(Endpoint server, CpuMeter cpu, PrintWriter progress) throws InterruptedException {
        progress.print(system.label() + " " + transport + " c=" + concurrency + ": connecting… ");
        progress.flush();
        try (EchoClient client = system.connect(server, concurrency, method, payload)) {
            return new Measurement(system.label(), transport, payload, concurrency, warmup, duration)
                    .run(recorder -> client.start(concurrency, recorder), cpu, progress);
        }
    }
}
