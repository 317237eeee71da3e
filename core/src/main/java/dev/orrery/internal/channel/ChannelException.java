package dev.orrery.internal.channel;

import dev.orrery.OrreryException;
import dev.orrery.Status;
import java.io.Serial;

/** A connection-level failure: handshake refused or timed out, connection lost. */
public final class ChannelException extends OrreryException {
    @Serial
    private static final long serialVersionUID = 1L;

    ChannelException(Status status, String message) {
        super(status, message);
    }
}
