package dev.orrery.supervisor;

import dev.orrery.Endpoint;
import java.util.Objects;

/**
 * Where each worker of a service group accepts calls.
 *
 * @param sharedMemory whether a worker also offers a {@code shm://} endpoint to callers on its host
 * @param tcp          the TCP endpoint a worker listens on, {@code tcp://host:port}; port 0 for any free port
 */
public record ListenSettings(boolean sharedMemory, Endpoint tcp) {

    /** Checks that the endpoint is there. */
    public ListenSettings {
        Objects.requireNonNull(tcp, "tcp");
    }
}
