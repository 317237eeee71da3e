package dev.orrery.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.supervisor.GroupSnapshot;
import dev.orrery.supervisor.SupervisorControl;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The service groups: their snapshots, histories, logs and scale decisions, and the start, stop and restart
 * actions.
 */
final class ServicesApi {

    private final SupervisorControl control;
    private final ConsoleLimits limits;

    ServicesApi(SupervisorControl control, ConsoleLimits limits) {
        this.control = control;
        this.limits = limits;
    }

    /**
     * Adds this area's routes.
     *
     * @param router the router
     */
    void addTo(Router router) {
        router.add("GET", "/api/services", (request, path) -> Response.ok(servicesJson(control)))
                .add("GET", "/api/services/{name}", (request, path) ->
                        Response.ok(JsonViews.group(require(control, path.get("name")))))
                .add("GET", "/api/services/{name}/history", this::history)
                .add("GET", "/api/services/{name}/logs", (request, path) ->
                        logs(request, require(control, path.get("name")).name()))
                .add("GET", "/api/services/{name}/decisions", (request, path) ->
                        Response.ok(JsonViews.array(control.decisions(require(control, path.get("name")).name()),
                                JsonViews::decision)))
                .add("POST", "/api/services/{name}/start", action("start", control::start))
                .add("POST", "/api/services/{name}/stop", action("stop", control::stop))
                .add("POST", "/api/services/{name}/restart", action("restart", control::restart))
                .add("GET", "/api/decisions", (request, path) ->
                        Response.ok(JsonViews.array(control.decisions(optionalGroup(request)), JsonViews::decision)))
                .add("GET", "/api/logs", (request, path) -> logs(request, optionalGroup(request)));
    }

    /**
     * Every group, as {@code GET /api/services} answers.
     *
     * @param control the supervisor
     * @return the JSON array
     */
    static ArrayNode servicesJson(SupervisorControl control) {
        return JsonViews.array(control.groups(), JsonViews::group);
    }

    /**
     * A group that must exist.
     *
     * @param control the supervisor
     * @param name    the group's name
     * @return its snapshot
     * @throws OrreryException {@link Status#NOT_FOUND}, naming the groups there are
     */
    static GroupSnapshot require(SupervisorControl control, String name) {
        return control.group(name).orElseThrow(() -> new OrreryException(Status.NOT_FOUND,
                "no service group '" + name + "'; the groups are " + String.join(", ",
                        control.groups().stream().map(GroupSnapshot::name).toList())));
    }

    /**
     * The group that a {@code group} query parameter names, which must exist when given.
     *
     * @param request the request
     * @return the group's name, or {@code null} for every group
     */
    private String optionalGroup(Request request) {
        String group = Params.optional(request, "group");
        return group == null ? null : require(control, group).name();
    }

    private Reply history(Request request, Map<String, String> path) {
        String name = require(control, path.get("name")).name();
        return Response.ok(JsonViews.array(control.history(name), JsonViews::sample));
    }

    private Reply logs(Request request, String group) {
        int limit = Params.integer(request, "limit", limits.defaultLogLines(), 1, limits.maxLogLines());
        return Response.ok(JsonViews.array(control.logs(group, limit), JsonViews::logLine));
    }

    private Handler action(String verb, Consumer<String> act) {
        return (request, path) -> {
            String name = require(control, path.get("name")).name();
            act.accept(name);
            return Response.ok(JsonViews.group(require(control, name)).put("action", verb));
        };
    }
}
