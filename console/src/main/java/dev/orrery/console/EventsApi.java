package dev.orrery.console;

import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.supervisor.SupervisorControl;

/** The live streams of server-sent events behind the pages: the groups, and the log. */
final class EventsApi {

    private final SupervisorControl control;
    private final ConsoleLimits limits;

    EventsApi(SupervisorControl control, ConsoleLimits limits) {
        this.control = control;
        this.limits = limits;
    }

    /**
     * Adds this area's routes.
     *
     * @param router the router
     */
    void addTo(Router router) {
        router.add("GET", "/api/events", (request, path) -> {
            String group = group(request);
            return new EventStream(stream -> new ServicesFeed(stream, control, group));
        }).add("GET", "/api/logs/stream", (request, path) -> {
            String group = group(request);
            int backlog = Params.integer(request, "backlog", limits.logBacklog(), 0, limits.maxLogLines());
            long after = lastEventId(request);
            int lines = after < 0 ? backlog : limits.maxLogLines();
            return new EventStream(stream -> LogFeed.open(stream, control, group, lines, after));
        });
    }

    private String group(Request request) {
        String group = Params.optional(request, "group");
        return group == null ? null : ServicesApi.require(control, group).name();
    }

    /** The last line a reconnecting browser saw, which it sends as {@code Last-Event-ID}; -1 when it saw none. */
    private static long lastEventId(Request request) {
        String id = request.header("Last-Event-ID");
        if (id == null || id.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw new OrreryException(Status.INVALID_ARGUMENT, "Last-Event-ID must be the seq of a log line, such as "
                    + "42; got '" + id + "'");
        }
    }
}
