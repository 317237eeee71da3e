package dev.orrery.cli;

import dev.orrery.Status;

/** The exit codes of the {@code orrery} command, one per kind of failure, so that scripts can branch on them. */
final class ExitCodes {
    /** The command did what was asked. */
    static final int OK = 0;
    /** Any failure without a code of its own, such as an exception thrown by the remote handler. */
    static final int OTHER = 1;
    /** The command line, the JSON arguments or their number or types are wrong. */
    static final int USAGE = 2;
    /** No such service or method at the endpoint, or no instance of the service registered. */
    static final int NOT_FOUND = 3;
    /** A node or the name server cannot be reached, an endpoint cannot be bound, or the connection was lost. */
    static final int UNAVAILABLE = 4;
    /** The deadline expired before the answer came. */
    static final int DEADLINE = 5;

    static final String LIST_OK = "0:success";
    static final String LIST_OTHER = "1:any other failure, such as an exception thrown by the remote handler";
    static final String LIST_USAGE =
            "2:usage: wrong options, JSON that does not parse, wrong arguments (INVALID_ARGUMENT)";
    static final String LIST_OPTIONS = "2:usage: wrong options";
    static final String LIST_NOT_FOUND = "3:no such service or method, or no instance registered (NOT_FOUND)";
    static final String LIST_UNAVAILABLE = "4:a node or the name server cannot be reached, or an endpoint cannot be "
            + "bound (UNAVAILABLE)";
    static final String LIST_NAME_SERVER_UNAVAILABLE = "4:the name server cannot be reached, or the watch ended "
            + "(UNAVAILABLE)";
    static final String LIST_DEADLINE = "5:the deadline expired (DEADLINE_EXCEEDED)";

    private ExitCodes() {
    }

    /**
     * The exit code of a failed call.
     *
     * @param status the failure's status
     * @return the code
     */
    static int of(Status status) {
        return switch (status) {
            case INVALID_ARGUMENT -> USAGE;
            case NOT_FOUND -> NOT_FOUND;
            case UNAVAILABLE -> UNAVAILABLE;
            case DEADLINE_EXCEEDED -> DEADLINE;
            default -> OTHER;
        };
    }
}
