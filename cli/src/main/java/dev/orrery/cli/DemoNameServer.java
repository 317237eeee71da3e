package dev.orrery.cli;

import dev.orrery.Calls;
import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.nameserver.EmbeddedNameServer;
import dev.orrery.registry.NameServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The name server that {@code orrery demo} registers with: the one that answers at the address asked for, or, when
 * none does and the address is on this machine's loopback interface, one started in this process. So the first of
 * several demos started side by side serves the name server, and the others find it.
 */
final class DemoNameServer implements AutoCloseable {

    /** How long a name server has to answer one question before the demo asks again or decides none runs. */
    private static final Duration PROBE_DEADLINE = Duration.ofSeconds(1);

    /**
     * How long the demo keeps asking a loopback address that refuses connections. A name server started at the
     * same moment as the demo, as in {@code bin/orrery nameserver & bin/orrery demo &}, may not listen yet; the demo
     * waits for it rather than take its port.
     */
    private static final Duration STARTUP_GRACE = Duration.ofSeconds(1);

    /** The pause between two questions within {@link #STARTUP_GRACE}. */
    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);

    private final Endpoint endpoint;
    private final EmbeddedNameServer embedded;
    private final boolean answered;

    private DemoNameServer(Endpoint endpoint, EmbeddedNameServer embedded, boolean answered) {
        this.endpoint = endpoint;
        this.embedded = embedded;
        this.answered = answered;
    }

    /**
     * Finds the name server at an address, or starts one there when none answers and the address is a loopback
     * one; port 0 starts one on a free port without asking.
     *
     * @param address such as {@code tcp://127.0.0.1:2012}
     * @return the name server to register with
     * @throws OrreryException {@link Status#UNAVAILABLE} when none answers on the loopback address and none can be
     *                         started there; {@link Status#NOT_FOUND} when a node that is not a name server answers
     */
    static DemoNameServer findOrStart(Endpoint address) {
        if (!isLoopback(address)) {
            return new DemoNameServer(address, null, answers(address));
        }
        if (address.port() != 0 && answersWithin(address, STARTUP_GRACE)) {
            return new DemoNameServer(address, null, true);
        }
        try {
            return new DemoNameServer(null, EmbeddedNameServer.start(address.toString()), true);
        } catch (OrreryException e) {
            // Another demo, started at the same moment, may have taken the address first: use its name server.
            if (e.status() == Status.UNAVAILABLE && address.port() != 0 && answers(address)) {
                return new DemoNameServer(address, null, true);
            }
            throw e;
        }
    }

    /** Whether a name server answers at an address, asking again until {@code grace} has passed. */
    private static boolean answersWithin(Endpoint address, Duration grace) {
        long giveUp = System.nanoTime() + grace.toNanos();
        while (true) {
            if (answers(address)) {
                return true;
            }
            if (System.nanoTime() - giveUp >= 0) {
                return false;
            }
            try {
                Thread.sleep(RETRY_PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OrreryException(Status.CANCELLED, "interrupted while looking for a name server at "
                        + address, e);
            }
        }
    }

    /** Whether a name server answers at an address within {@link #PROBE_DEADLINE}. */
    private static boolean answers(Endpoint address) {
        try (Node probe = Node.builder().name("demo-probe").nameserver(address.toString()).build()) {
            NameServer nameServer = probe.nameServer();
            Calls.withDeadline(PROBE_DEADLINE, () -> {
                nameServer.stat();
            });
            return true;
        } catch (OrreryException e) {
            if (e.status() == Status.UNAVAILABLE || e.status() == Status.DEADLINE_EXCEEDED) {
                return false;
            }
            if (e.status() == Status.NOT_FOUND) {
                throw new OrreryException(Status.NOT_FOUND, "the node at " + address + " is not a name server: "
                        + e.description(), e);
            }
            throw e;
        }
    }

    private static boolean isLoopback(Endpoint address) {
        if (!address.scheme().equals("tcp")) {
            return false;
        }
        try {
            return InetAddress.getByName(address.host()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            // A host this machine cannot resolve is not one of its loopback addresses.
            return false;
        }
    }

    /**
     * Where the name server accepts calls.
     *
     * @return its endpoint, with the real port of one started on port 0
     */
    Endpoint endpoint() {
        return embedded != null ? embedded.endpoint() : endpoint;
    }

    /**
     * Whether the name server runs in this process.
     *
     * @return true when this process started it
     */
    boolean embedded() {
        return embedded != null;
    }

    /**
     * Whether the name server answered when the demo started; a remote one that did not is registered with once it
     * does.
     *
     * @return true when it answered, or runs in this process
     */
    boolean answered() {
        return answered;
    }

    /** Stops the name server if it runs in this process. */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
