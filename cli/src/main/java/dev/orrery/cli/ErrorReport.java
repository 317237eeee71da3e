package dev.orrery.cli;

import dev.orrery.OrreryException;
import java.io.PrintWriter;

/** Prints a failure the way every subcommand does: {@code STATUS: message} on stderr, no stack trace. */
final class ErrorReport {

    private ErrorReport() {
    }

    /**
     * Prints a failure and picks the exit code of its status.
     *
     * @param failure the failure
     * @param hint    a line that tells the user what to do, or {@code null}
     * @param err     stderr
     * @param verbose whether to print the stack trace too
     * @return the exit code
     */
    static int print(OrreryException failure, String hint, PrintWriter err, boolean verbose) {
        String remote = fromHandler(failure) ? " (" + failure.remoteType() + " in the remote handler)" : "";
        err.println(failure.status() + ": " + failure.description() + remote);
        if (hint != null) {
            err.println(hint);
        }
        if (verbose) {
            failure.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.of(failure.status());
    }

    /**
     * Whether the failure is an exception thrown by the remote service's own code, rather than by Orrery.
     *
     * @param failure the failure
     * @return true when a handler threw it
     */
    static boolean fromHandler(OrreryException failure) {
        return failure.remoteType() != null && !failure.remoteType().equals(OrreryException.class.getName());
    }
}
