package dev.orrery.console;

import java.util.Map;

/** Answers the requests of one route. It runs on a virtual thread and may block. */
@FunctionalInterface
interface Handler {

    /**
     * Answers a request.
     *
     * @param request the request
     * @param path    the values of the route's {@code {name}} segments
     * @return the reply
     * @throws dev.orrery.OrreryException when the request cannot be served; its status picks the HTTP code
     */
    Reply handle(Request request, Map<String, String> path);
}
