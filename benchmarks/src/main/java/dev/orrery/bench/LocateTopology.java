package dev.orrery.bench;

import dev.orrery.Endpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server children of {@code bench locate}: a name server, and echo servers that register {@code demo.echo}
 * with it, each in a JVM of its own on 127.0.0.1. Closing it stops the echo servers first, so that they
 * deregister, then the name server.
 */
final class LocateTopology implements LocateServers {

    private final ServerProcess nameServer;
    private final List<ServerProcess> echoServers;

    private LocateTopology(ServerProcess nameServer, List<ServerProcess> echoServers) {
        this.nameServer = nameServer;
        this.echoServers = echoServers;
    }

    /**
     * Starts the name server, then the echo servers, each waiting for the previous one to be ready.
     *
     * @param echoServers how many echo servers
     * @param classPath   the class path of the children
     * @param timeout     how long each child may take to get ready
     * @param progress    where to tell people what is happening
     * @return the running children; the echo servers may still be registering
     * @throws IOException when a child cannot start, exits early, or is not ready in time; those started are stopped
     */
    static LocateTopology start(int echoServers, String classPath, Duration timeout, PrintWriter progress)
            throws IOException {
        progress.print("starting the name server child… ");
        progress.flush();
        ServerProcess nameServer = ServerProcess.start("name server", List.of("--system", BenchServer.NAME_SERVER),
                classPath, timeout);
        List<ServerProcess> started = new ArrayList<>();
        try {
            String at = endpoint(nameServer).toString();
            progress.print("at " + at + "; starting " + echoServers + " echo server children… ");
            progress.flush();
            for (int i = 0; i < echoServers; i++) {
                started.add(ServerProcess.start(BenchSystem.ORRERY.label(),
                        List.of("--system", BenchSystem.ORRERY.key(), "--nameserver", at), classPath, timeout));
            }
            progress.println("ready");
            progress.flush();
            return new LocateTopology(nameServer, List.copyOf(started));
        } catch (IOException | RuntimeException e) {
            started.forEach(ServerProcess::close);
            nameServer.close();
            throw e;
        }
    }

    private static Endpoint endpoint(ServerProcess child) {
        return Endpoint.parse("tcp://127.0.0.1:" + child.port());
    }

    @Override
    public String transport() {
        return "tcp";
    }

    @Override
    public Endpoint nameServer() {
        return endpoint(nameServer);
    }

    @Override
    public Optional<Duration> nameServerCpu() {
        return nameServer.cpuTime();
    }

    @Override
    public boolean isAlive() {
        return nameServer.isAlive() && echoServers.stream().allMatch(ServerProcess::isAlive);
    }

    @Override
    public void close() {
        echoServers.forEach(ServerProcess::close);
        nameServer.close();
    }
}
