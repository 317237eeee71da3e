package dev.orrery.nameserver;

import dev.orrery.registry.NameServer;
import java.io.IOException;

/**
 * Runs a name server as a process: {@code NameServerMain [ENDPOINT]} listens on the endpoint (by default
 * {@code tcp://127.0.0.1:2012}), prints {@code READY <endpoint>} on standard output, and serves until its
 * standard input ends or it is stopped with SIGTERM. Multi-process tests start it as a child JVM; users run
 * {@code orrery nameserver}.
 */
public final class NameServerMain {
    /** The endpoint listened on when none is given. */
    public static final String DEFAULT_ENDPOINT = "tcp://127.0.0.1:" + NameServer.DEFAULT_PORT;

    /** What the line that announces the endpoint starts with. */
    public static final String READY = "READY ";

    private NameServerMain() {
    }

    /**
     * Runs the name server.
     *
     * @param args the endpoint to listen on, optional
     * @throws IOException when standard input fails
     */
    public static void main(String[] args) throws IOException {
        String endpoint = args.length > 0 ? args[0] : DEFAULT_ENDPOINT;
        EmbeddedNameServer nameServer = EmbeddedNameServer.start(endpoint);
        Runtime.getRuntime().addShutdownHook(new Thread(nameServer::close, "orrery-nameserver-shutdown"));
        try (nameServer) {
            System.out.println(READY + nameServer.endpoint());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Serve until the parent closes our standard input.
                continue;
            }
        }
    }
}
