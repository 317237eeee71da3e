package dev.orrery.bench;

import java.util.Arrays;
import java.util.Optional;

/** A system under measurement: Orrery itself, or one of its peers. */
enum BenchSystem {
    /** Orrery, always measured. */
    ORRERY("orrery", "orrery"),
    /** gRPC-java on its Netty transport, plaintext, with a hand-built {@code byte[]} method. */
    GRPC("grpc-java", "grpc");

    private final String label;
    private final String key;

    BenchSystem(String label, String key) {
        this.label = label;
        this.key = key;
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
     * The system named on a command line.
     *
     * @param key such as {@code grpc}
     * @return the system, or empty when none has that name
     */
    static Optional<BenchSystem> byKey(String key) {
        return Arrays.stream(values()).filter(system -> system.key.equalsIgnoreCase(key.strip())).findFirst();
    }

    /**
     * Opens a client to the echo server of this system.
     *
     * @param port        the server's port on 127.0.0.1
     * @param concurrency the calls the client will keep in flight
     * @param method      the method to call
     * @param payload     the payload size in bytes
     * @return the client, connected
     */
    EchoClient connect(int port, int concurrency, EchoMethod method, int payload) {
        return switch (this) {
            case ORRERY -> OrreryEchoClient.connect(port, concurrency, method, payload);
            case GRPC -> GrpcEchoClient.connect(port, payload);
        };
    }
}
