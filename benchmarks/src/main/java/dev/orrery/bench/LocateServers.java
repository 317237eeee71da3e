package dev.orrery.bench;

import dev.orrery.Endpoint;
import java.time.Duration;
import java.util.Optional;

/** The servers of {@code bench locate} over one transport: a name server, and echo servers registered with it. */
interface LocateServers extends AutoCloseable {

    /**
     * The transport every call goes over.
     *
     * @return such as {@code tcp}
     */
    String transport();

    /**
     * Where the name server listens.
     *
     * @return its endpoint
     */
    Endpoint nameServer();

    /**
     * The CPU time the name server has used so far.
     *
     * @return its user and system time, or empty where it cannot be told apart from the client's
     */
    Optional<Duration> nameServerCpu();

    /**
     * Whether every server still runs.
     *
     * @return true while they all run
     */
    boolean isAlive();

    /** Stops the echo servers, so that they deregister, then the name server. */
    @Override
    void close();
}
