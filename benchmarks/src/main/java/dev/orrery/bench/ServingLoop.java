package dev.orrery.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * A server of a child whose work is one thread's loop, such as a pong that busy-spins: stopping it asks the loop
 * to end, waits for the thread, then closes what the loop used.
 */
final class ServingLoop {

    /** The loop, which runs until {@code running} turns false. */
    @FunctionalInterface
    interface Body {
        /**
         * Serves until told to stop.
         *
         * @param running true until the server stops; read it often
         */
        void run(BooleanSupplier running);
    }

    private ServingLoop() {
    }

    /**
     * Starts the loop on a platform thread of its own.
     *
     * @param port      the server's port, 0 when it does not listen on TCP
     * @param name      the thread's name, such as {@code aeron-pong}
     * @param body      the loop
     * @param resources what the loop uses, closed in this order once it has ended
     * @return the running server
     */
    static BenchServer.Running start(int port, String name, Body body, AutoCloseable... resources) {
        AtomicBoolean running = new AtomicBoolean(true);
        Thread thread = Thread.ofPlatform().name(name).start(() -> body.run(running::get));
        return new BenchServer.Running(port, () -> {
            running.set(false);
            try {
                if (!thread.join(ChildJvm.STOP_GRACE)) {
                    System.err.println("warning: the " + name + " thread did not stop within "
                            + DurationConverter.format(ChildJvm.STOP_GRACE));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (AutoCloseable resource : List.of(resources)) {
                try {
                    resource.close();
                } catch (Exception e) {
                    System.err.println("warning: cannot close the " + name + " thread's " + resource + ": " + e);
                }
            }
        });
    }
}
