package dev.orrery.console;

import dev.orrery.OrreryException;
import dev.orrery.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the handler of a request by method and path, and turns what a handler throws into an error response: an
 * {@link OrreryException} by its status, anything else as a 500 that is logged.
 */
final class Router {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    /** One route: a method, a path and what answers it. */
    private record Route(String method, PathPattern path, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    /**
     * Adds a route. Routes are set up before the console serves, then only read.
     *
     * @param method  such as {@code GET}
     * @param path    such as {@code /api/services/{name}}
     * @param handler what answers it
     * @return this router
     */
    Router add(String method, String path, Handler handler) {
        routes.add(new Route(method, PathPattern.of(path), handler));
        return this;
    }

    /**
     * Answers a request.
     *
     * @param request the request
     * @return the handler's reply; 404 when no route has the path, 405 when none of those that do has the method
     */
    Reply route(Request request) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> values = route.path().match(request.path());
            if (values == null) {
                continue;
            }
            if (route.method().equals(request.method())) {
                return call(route, request, values);
            }
            allowed.add(route.method());
        }
        if (!allowed.isEmpty()) {
            String allow = String.join(", ", allowed);
            return Response.error(405, Status.UNIMPLEMENTED, request.method() + " is not allowed on "
                    + request.path() + "; it allows " + allow).withHeader("Allow", allow);
        }
        return Response.error(Status.NOT_FOUND, "nothing at " + request.path() + "; the pages are /, "
                + "/services/NAME, /nameserver and /logs, and docs/console-api.md lists the API under /api");
    }

    private static Reply call(Route route, Request request, Map<String, String> values) {
        try {
            return route.handler().handle(request, values);
        } catch (OrreryException e) {
            return Response.error(e);
        } catch (RuntimeException e) {
            LOG.warn("the console failed to answer {}", request, e);
            return Response.error(Status.INTERNAL, "the console failed to answer " + request + ": " + e);
        }
    }
}
