package dev.orrery.internal.wire;

import java.io.Serial;

/** A frame that breaks the protocol. The connection that carried it is closed. */
public final class WireException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * A protocol violation.
     *
     * @param message what was wrong, for the log and the peer
     */
    public WireException(String message) {
        super(message, null, false, false);
    }
}
