package dev.orrery.transport.shm;

import java.util.Locale;

/**
 * How a reader thread waits for the next record: first spin (lowest latency, burns a core), then yield
 * (gives the core to others while staying runnable), then park on the Unix socket until the peer rings the
 * doorbell (costs nothing while idle, a system call and a wake-up on each sleep).
 *
 * <p>A caller waiting for a reply reads the ring itself ({@link ShmConnection#awaitInbound}) for up to
 * {@code pollNanos}, spinning, before it parks until the reader thread hands the reply over.
 *
 * @param name      as written in an endpoint
 * @param spins     idle loops spent spinning
 * @param yields    idle loops spent yielding after that; then the reader parks
 * @param pollNanos how long a caller waiting for a reply reads the ring itself; 0 for not at all
 */
record IdleStrategy(String name, int spins, int yields, long pollNanos) {

    /** Never parks: the lowest latency, one core per connection while idle, and a waiting caller spins. */
    static final IdleStrategy BUSY_SPIN = new IdleStrategy("busy-spin", Integer.MAX_VALUE, 0, Long.MAX_VALUE);
    /**
     * The default: spins for a few microseconds, yields 50 times, then parks; a waiting caller reads the ring
     * for 20 µs. It spins little because a spinning reader takes a core from the threads that do the work it
     * waits for: on two cores shared by a few processes, spinning 4,000 loops before parking made located
     * calls 0.4x as fast as TCP ({@code bench locate}).
     */
    static final IdleStrategy HYBRID = new IdleStrategy("hybrid", 200, 50, 20_000);
    /** Parks almost at once; a waiting caller parks at once too. */
    static final IdleStrategy LOW_CPU = new IdleStrategy("low-cpu", 50, 0, 0);

    /**
     * The strategy of a name, as in {@code shm://NAME?idle=busy-spin}.
     *
     * @param name {@code busy-spin}, {@code hybrid} or {@code low-cpu}, case-insensitive
     * @return the strategy
     * @throws IllegalArgumentException for another name, listing the valid ones
     */
    static IdleStrategy of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "busy-spin" -> BUSY_SPIN;
            case "hybrid" -> HYBRID;
            case "low-cpu" -> LOW_CPU;
            default -> throw new IllegalArgumentException(
                    "unknown idle strategy '" + name + "'; expected busy-spin, hybrid or low-cpu");
        };
    }

    /** @return whether this strategy ever parks */
    boolean parks() {
        return spins != Integer.MAX_VALUE;
    }
}
