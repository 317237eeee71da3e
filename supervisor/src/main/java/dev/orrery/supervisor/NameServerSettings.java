package dev.orrery.supervisor;

import dev.orrery.Endpoint;
import java.util.Objects;

/**
 * The name server of a supervisor's workers: one that the supervisor runs inside its own process, or one
 * that runs elsewhere, from {@code [nameserver]}.
 */
public sealed interface NameServerSettings {

    /**
     * Where workers reach the name server.
     *
     * @return a {@code tcp://host:port} endpoint; port 0 for an embedded name server that takes any free port
     */
    Endpoint endpoint();

    /**
     * A name server that the supervisor starts in its own process.
     *
     * @param bind the address it listens on, an IP address or {@code localhost}
     * @param port its TCP port; 0 for any free port
     */
    record Embedded(String bind, int port) implements NameServerSettings {
        /** Checks that the parts are there. */
        public Embedded {
            Objects.requireNonNull(bind, "bind");
        }

        @Override
        public Endpoint endpoint() {
            return new Endpoint("tcp", HostPort.format(bind, port));
        }
    }

    /**
     * A name server that runs elsewhere, from {@code connect}.
     *
     * @param endpoint where it listens, {@code tcp://host:port}
     */
    record Remote(Endpoint endpoint) implements NameServerSettings {
        /** Checks that the endpoint is there. */
        public Remote {
            Objects.requireNonNull(endpoint, "endpoint");
        }
    }
}
