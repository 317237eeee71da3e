package dev.orrery.supervisor;

import dev.orrery.examples.Echo;

/** A service whose worker dies a moment after it starts, as a bug would make it: for crash-loop tests. */
public final class CrashingEcho implements Echo {

    /** Ends the worker's JVM with exit code 3 half a second after it is made. */
    public CrashingEcho() {
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(3);
        });
    }

    @Override
    public String echo(String text) {
        return text;
    }

    @Override
    public byte[] echoBytes(byte[] bytes) {
        return bytes;
    }
}
