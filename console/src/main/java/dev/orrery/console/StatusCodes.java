package dev.orrery.console;

import dev.orrery.Status;

/** How Orrery's statuses map to HTTP status codes, the one table the whole console uses. */
final class StatusCodes {

    private StatusCodes() {
    }

    /**
     * The HTTP status code of a failure.
     *
     * @param status the Orrery status
     * @return 400, 401, 403, 404, 429, 503, 504, or 500 for every other failure
     */
    static int http(Status status) {
        return switch (status) {
            case OK -> 200;
            case INVALID_ARGUMENT -> 400;
            case UNAUTHENTICATED -> 401;
            case PERMISSION_DENIED -> 403;
            case NOT_FOUND -> 404;
            case RESOURCE_EXHAUSTED -> 429;
            case UNAVAILABLE -> 503;
            case DEADLINE_EXCEEDED -> 504;
            default -> 500;
        };
    }
}
