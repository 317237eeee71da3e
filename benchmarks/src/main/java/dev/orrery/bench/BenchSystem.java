package dev.orrery.bench;

import dev.orrery.Endpoint;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A system under measurement: Orrery itself, one of its peers, or the raw floor of the machine. */
enum BenchSystem {
    /** Orrery, always measured, over the transports of {@code --transport}. */
    ORRERY("orrery", "orrery", ""),
    /** gRPC-java on its Netty transport, plaintext, with a hand-built {@code byte[]} method. */
    GRPC("grpc-java", "grpc", "tcp"),
    /** JeroMQ, DEALER to ROUTER over loopback TCP. */
    JEROMQ("jeromq", "jeromq", "tcp"),
    /** Aeron over IPC (shared memory), with an embedded media driver; both ends in child JVMs. */
    AERON("aeron", "aeron", "ipc"),
    /** Two processes ping-ponging numbered messages through one memory-mapped file: the physical limit. */
    FLOOR("floor", "floor", "mmap");

    /**
     * The JVM options that Aeron's Agrona needs on JDK 25 for its {@code jdk.internal.misc.Unsafe}. They go to
     * Aeron's child JVMs only: Orrery's processes and the bench process run without them.
     */
    static final List<String> AERON_JVM_FLAGS = List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED");

    private final String label;
    private final String key;
    private final String transport;

    BenchSystem(String label, String key, String transport) {
        this.label = label;
        this.key = key;
        this.transport = transport;
    }

    /**
     * The name in reports and in the JSON {@code system} field.
     *
     * @return such as {@code grpc-java}
     */
    String label() {
        return label;
    }

    /**
     * The name on command lines: in {@code --peers} and in the server child's {@code --system}.
     *
     * @return such as {@code grpc}
     */
    String key() {
        return key;
    }

    /**
     * The transport of a peer or of the floor, which {@code --transport} does not change.
     *
     * @return such as {@code tcp} or {@code ipc}; empty for Orrery, whose transport is chosen
     */
    String transport() {
        return transport;
    }

    /**
     * Whether {@code --peers} may name this system.
     *
     * @return true for gRPC-java, JeroMQ and Aeron
     */
    boolean isPeer() {
        return this == GRPC || this == JEROMQ || this == AERON;
    }

    /**
     * Whether {@code bench pubsub} measures this system, which has topics.
     *
     * @return true for Orrery, JeroMQ (PUB/SUB) and Aeron
     */
    boolean hasTopics() {
        return this == ORRERY || this == JEROMQ || this == AERON;
    }

    /**
     * Whether both ends run in child JVMs, the client child measuring and reporting to this process, rather than
     * the client running in this process.
     *
     * @return true for Aeron, whose children need JVM options that this process must not have, and for the floor
     */
    boolean inChildPair() {
        return this == AERON || this == FLOOR;
    }

    /**
     * The JVM options of this system's children.
     *
     * @return {@link #AERON_JVM_FLAGS} for Aeron; none for the others
     */
    List<String> jvmFlags() {
        return this == AERON ? AERON_JVM_FLAGS : List.of();
    }

    /**
     * The system named on a command line.
     *
     * @param key such as {@code grpc}
     * @return the system, or empty when none has that name
     */
    static Optional<BenchSystem> byKey(String key) {
        return Arrays.stream(values()).filter(system -> system.key.equalsIgnoreCase(key.strip())).findFirst();
    }

    /**
     * The names of {@code --peers}, for messages.
     *
     * @return {@code grpc, jeromq, aeron}
     */
    static String peerKeys() {
        return Arrays.stream(values()).filter(BenchSystem::isPeer).map(BenchSystem::key)
                .collect(Collectors.joining(", "));
    }

    /**
     * Opens a client in this process to the echo server of this system.
     *
     * @param server      the server's endpoint, such as {@code tcp://127.0.0.1:7070}
     * @param concurrency the calls the client will keep in flight
     * @param method      the method to call
     * @param payload     the payload size in bytes
     * @return the client, connected
     * @throws IllegalStateException for a system whose client runs in a child JVM
     */
    EchoClient connect(Endpoint server, int concurrency, EchoMethod method, int payload) {
        return switch (this) {
            case ORRERY -> OrreryEchoClient.connect(server, concurrency, method, payload);
            case GRPC -> GrpcEchoClient.connect(server.port(), payload);
            case JEROMQ -> JeroMqEchoClient.connect(server.port(), payload);
            case AERON, FLOOR -> throw new IllegalStateException(label + "'s client runs in a child JVM");
        };
    }
}
