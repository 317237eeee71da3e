package dev.orrery.internal.rpc;

import dev.orrery.OrreryException;
import dev.orrery.Status;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** How a handler's exception becomes a status on the wire. */
final class Failures {

    private Failures() {
    }

    static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof InvocationTargetException || current instanceof CompletionException
                || current instanceof ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    static Status statusOf(Throwable error) {
        return switch (error) {
            case OrreryException e -> e.status();
            case IllegalArgumentException e -> Status.INVALID_ARGUMENT;
            case UnsupportedOperationException e -> Status.UNIMPLEMENTED;
            case InterruptedException e -> Status.CANCELLED;
            default -> Status.UNKNOWN;
        };
    }

    static String messageOf(Throwable error) {
        if (error instanceof OrreryException e) {
            return e.description();
        }
        String message = error.getMessage();
        return message == null ? error.getClass().getSimpleName() : message;
    }

    static String typeOf(Throwable error) {
        if (error instanceof OrreryException e) {
            // Orrery's own refusals (bad arguments, limits) are not exceptions of the handler's.
            return e.remoteType();
        }
        return error.getClass().getName();
    }
}
