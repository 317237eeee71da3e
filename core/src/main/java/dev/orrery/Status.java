package dev.orrery;

/**
 * The outcome of a call. The numbers are those of gRPC, so that people who know one know the other.
 */
public enum Status {
    /** The call succeeded. */
    OK(0),
    /** The call was cancelled, usually by its caller. */
    CANCELLED(1),
    /** The handler threw an exception that maps to no other status. */
    UNKNOWN(2),
    /** The arguments were wrong: their number, their types, or their values. */
    INVALID_ARGUMENT(3),
    /** The deadline expired before the call completed. */
    DEADLINE_EXCEEDED(4),
    /** No such service or method. */
    NOT_FOUND(5),
    /** The thing to create exists already. */
    ALREADY_EXISTS(6),
    /** The caller is known but not allowed to do this. */
    PERMISSION_DENIED(7),
    /** A limit was reached: slots, concurrency, memory, disk, frame size. */
    RESOURCE_EXHAUSTED(8),
    /** The system is not in a state in which the call can run, such as a protocol version mismatch. */
    FAILED_PRECONDITION(9),
    /** The operation is not implemented by this peer. */
    UNIMPLEMENTED(12),
    /** An invariant of Orrery itself is broken; a bug. */
    INTERNAL(13),
    /** The peer cannot be reached, or the connection was lost; often worth retrying. */
    UNAVAILABLE(14),
    /** The caller did not say who it is, or its credentials are not valid. */
    UNAUTHENTICATED(16);

    private static final Status[] BY_CODE = new Status[17];

    static {
        for (Status status : values()) {
            BY_CODE[status.code] = status;
        }
    }

    private final int code;

    Status(int code) {
        this.code = code;
    }

    /**
     * The status's number on the wire.
     *
     * @return the code
     */
    public int code() {
        return code;
    }

    /**
     * The status with this number; an unknown number maps to {@link #UNKNOWN}.
     *
     * @param code a number from the wire
     * @return the status
     */
    public static Status ofCode(int code) {
        Status status = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        return status == null ? UNKNOWN : status;
    }
}
