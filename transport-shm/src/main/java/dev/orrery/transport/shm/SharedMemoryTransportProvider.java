package dev.orrery.transport.shm;

import dev.orrery.transport.Transport;
import dev.orrery.transport.TransportConfig;
import dev.orrery.transport.TransportProvider;
import java.util.function.IntPredicate;

/**
 * Provides the {@code shm} transport: Orrery frames between processes of one host through shared memory,
 * with no system call per frame. Found through {@link java.util.ServiceLoader}.
 *
 * <h2>Endpoints</h2>
 * {@code shm://NAME}, NAME being 1 to 64 of {@code A-Z a-z 0-9 . _ -}. A server listens on the Unix socket
 * {@code DIR/orrery-NAME.sock}; a client connects to it, the server creates the connection's segment file
 * {@code DIR/orrery-NAME-PID-N.shm} (mode 0600), both map it, and the server deletes it at once: the
 * mapping stays, the name goes, so no crash leaks it. The segment holds two single-producer single-consumer
 * rings, one per direction, which carry the same preface and frames as TCP. The socket stays open as the
 * doorbell of a parked reader and as the sign of life of the peer: when the peer dies, the connection ends
 * with an {@link java.io.IOException} within about a millisecond. A frame larger than the spill threshold
 * is written to a file of its own, {@code DIR/orrery-NAME-PID-N-D-S.spill} (mode 0600), which a small record
 * in the ring names; the reader deletes it as soon as it has mapped it, and when a connection ends, however
 * it ends, each side deletes the spill files that the other will not read. {@code listen} removes the files
 * of servers that died before (stale socket, segments and spill files of dead PIDs), and fails when a live
 * process serves NAME. The byte-level protocol is in {@code docs/protocol.md}.
 *
 * <h2>Settings (system properties)</h2>
 * <table>
 * <caption>settings</caption>
 * <tr><th>property</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code orrery.shm.dir}</td><td>{@code /dev/shm}, else {@code java.io.tmpdir}</td>
 *     <td>where sockets and segments are created</td></tr>
 * <tr><td>{@code orrery.shm.ringBytes}</td><td>1048576</td>
 *     <td>data area of each ring, a power of two from 65536 to 1073741824; chosen by the server. Frames
 *     larger than a quarter of it travel in several records.</td></tr>
 * <tr><td>{@code orrery.shm.spillBytes}</td><td>the rings' capacity</td>
 *     <td>frames of more bytes than this, length prefix included, go through a spill file instead of the
 *     ring; from 4096 to 2147483647, the largest value turning spill files off. Applies to the frames this
 *     process sends. When a spill file cannot be written (a full directory), the frame goes in several
 *     records instead.</td></tr>
 * <tr><td>{@code orrery.shm.idle}</td><td>{@code hybrid}</td>
 *     <td>how a reader waits: {@code busy-spin} (never sleeps, one core per connection), {@code hybrid}
 *     (spins for a few microseconds and yields a few times, then sleeps until the peer rings), {@code low-cpu}
 *     (sleeps almost at once). An endpoint's {@code ?idle=...} overrides it for that side:
 *     {@code shm://prices?idle=busy-spin}.</td></tr>
 * <tr><td>{@code orrery.shm.doorbell}</td><td>{@code auto}</td>
 *     <td>how a sleeping reader is woken: {@code futex} (a futex on the ring's sleeping flag, through the
 *     foreign-function API: Linux, and a JVM granted native access with
 *     {@code --enable-native-access=ALL-UNNAMED}, as {@code bin/orrery} does), {@code socket} (one byte on the
 *     connection's Unix socket), or {@code auto}: futex where it is available. A connection uses futexes only
 *     when both sides offer them.</td></tr>
 * </table>
 */
public final class SharedMemoryTransportProvider implements TransportProvider {

    /** The scheme of the endpoints this transport serves. */
    static final String SCHEME = "shm";
    /** The system property naming the directory of sockets and segments. */
    static final String DIRECTORY_PROPERTY = "orrery.shm.dir";
    /** The system property giving each ring's data area in bytes. */
    static final String RING_BYTES_PROPERTY = "orrery.shm.ringBytes";
    /** The system property giving the size above which a frame goes through a spill file. */
    static final String SPILL_BYTES_PROPERTY = "orrery.shm.spillBytes";
    /** The system property naming the default idle strategy. */
    static final String IDLE_PROPERTY = "orrery.shm.idle";
    /** The system property choosing how a sleeping reader is woken: {@code auto}, {@code futex} or {@code socket}. */
    static final String DOORBELL_PROPERTY = "orrery.shm.doorbell";

    private static final int DEFAULT_RING_BYTES = 1 << 20;
    private static final int MIN_RING_BYTES = 1 << 16;
    private static final int MAX_RING_BYTES = 1 << 30;
    /** The spill threshold when none is set: the capacity of each connection's rings. */
    private static final int SPILL_AT_RING_CAPACITY = 0;
    private static final int MIN_SPILL_BYTES = 4096;

    /** Called by {@link java.util.ServiceLoader}. */
    public SharedMemoryTransportProvider() {
    }

    /**
     * {@inheritDoc}
     *
     * @return {@code shm}
     */
    @Override
    public String scheme() {
        return SCHEME;
    }

    /**
     * Creates a transport whose connections each have a reader thread named {@code orrery-shm-<name>-N}.
     * Close it to end them.
     *
     * @param config the limits and names it must honour
     * @return the transport
     * @throws IllegalArgumentException when a system property above has an invalid value
     */
    @Override
    public Transport create(TransportConfig config) {
        int ringBytes = bytes(RING_BYTES_PROPERTY, DEFAULT_RING_BYTES,
                bytes -> Integer.bitCount(bytes) == 1 && bytes >= MIN_RING_BYTES && bytes <= MAX_RING_BYTES,
                "a power of two from " + MIN_RING_BYTES + " to " + MAX_RING_BYTES);
        int spillBytes = bytes(SPILL_BYTES_PROPERTY, SPILL_AT_RING_CAPACITY, bytes -> bytes >= MIN_SPILL_BYTES,
                "a number of bytes from " + MIN_SPILL_BYTES + " to " + Integer.MAX_VALUE);
        return new ShmTransport(config, ShmFiles.fromSystem(), ringBytes, spillBytes,
                IdleStrategy.of(System.getProperty(IDLE_PROPERTY, IdleStrategy.HYBRID.name())), futex());
    }

    /** Whether this side offers futexes as the doorbell, as {@value #DOORBELL_PROPERTY} says. */
    private static boolean futex() {
        String value = System.getProperty(DOORBELL_PROPERTY, "auto").strip().toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "auto" -> Futex.available();
            case "socket" -> false;
            case "futex" -> {
                if (!Futex.available()) {
                    throw new IllegalArgumentException(DOORBELL_PROPERTY + "=futex needs Linux on x86-64 or AArch64 "
                            + "and the JVM option --enable-native-access=ALL-UNNAMED; use auto to fall back to the "
                            + "socket where they are missing");
                }
                yield true;
            }
            default -> throw new IllegalArgumentException(DOORBELL_PROPERTY + " must be auto, futex or socket, got '"
                    + value + "'");
        };
    }

    /**
     * Reads a system property that counts bytes.
     *
     * @param property the property
     * @param unset    the value when it is not set
     * @param valid    which values it may take
     * @param expected those values, for the message
     * @return its value
     * @throws IllegalArgumentException when it is set to something else, saying what is expected
     */
    private static int bytes(String property, int unset, IntPredicate valid, String expected) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            return unset;
        }
        try {
            int bytes = Integer.parseInt(value.trim());
            if (valid.test(bytes)) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " must be " + expected + ", got '" + value + "'", e);
        }
        throw new IllegalArgumentException(property + " must be " + expected + ", got '" + value + "'");
    }
}
