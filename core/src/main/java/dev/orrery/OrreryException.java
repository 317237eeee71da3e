package dev.orrery;

import java.io.Serial;

/**
 * The one exception type of Orrery: a failed call, or a refused request of the control plane. It carries a
 * {@link Status}, and when the failure happened in a remote handler, the type and message of the exception
 * that handler threw.
 */
public class OrreryException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final Status status;
    private final String remoteType;

    /**
     * A failure with a status and a message.
     *
     * @param status  what kind of failure
     * @param message what happened and, where possible, what to do about it
     */
    public OrreryException(Status status, String message) {
        this(status, message, null, null);
    }

    /**
     * A failure with a status, a message and a local cause.
     *
     * @param status  what kind of failure
     * @param message what happened
     * @param cause   the local exception behind it
     */
    public OrreryException(Status status, String message, Throwable cause) {
        this(status, message, null, cause);
    }

    /**
     * A failure reported by a remote peer.
     *
     * @param status     what kind of failure
     * @param message    the remote message
     * @param remoteType the class name of the exception the remote handler threw, or {@code null}
     * @param cause      a local cause, or {@code null}
     */
    public OrreryException(Status status, String message, String remoteType, Throwable cause) {
        super(status + ": " + message, cause);
        if (status == null || status == Status.OK) {
            throw new IllegalArgumentException("an OrreryException needs a failure status, not " + status);
        }
        this.status = status;
        this.remoteType = remoteType;
    }

    /**
     * The status of the failure.
     *
     * @return never {@code null} nor {@link Status#OK}
     */
    public Status status() {
        return status;
    }

    /**
     * The class name of the exception thrown by the remote handler, such as
     * {@code java.lang.IllegalStateException}.
     *
     * @return the name, or {@code null} when the failure did not come from a remote handler
     */
    public String remoteType() {
        return remoteType;
    }

    /**
     * The message without the status prefix.
     *
     * @return the message as the failing side wrote it
     */
    public String description() {
        String message = getMessage();
        String prefix = status + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
