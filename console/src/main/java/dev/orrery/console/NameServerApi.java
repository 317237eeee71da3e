package dev.orrery.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orrery.registry.Instance;
import dev.orrery.registry.NameServer;
import dev.orrery.registry.ServiceSummary;
import dev.orrery.supervisor.GroupSnapshot;
import dev.orrery.supervisor.SupervisorControl;
import java.util.HashMap;
import java.util.Map;

/** The name server the supervisor runs: its figures, and every instance with its lease and its group. */
final class NameServerApi {

    private final SupervisorControl control;

    NameServerApi(SupervisorControl control) {
        this.control = control;
    }

    /**
     * Adds this area's routes.
     *
     * @param router the router
     */
    void addTo(Router router) {
        router.add("GET", "/api/nameserver", (request, path) -> Response.ok(snapshot()));
    }

    /**
     * Asks the name server for its figures and its instances, service by service.
     *
     * @return {@code {"stats": {...}, "services": [...], "instances": [...]}}
     */
    ObjectNode snapshot() {
        NameServer nameServer = control.nameServer();
        Map<String, String> groupOf = new HashMap<>();
        for (GroupSnapshot group : control.groups()) {
            group.instances().forEach(instance -> groupOf.put(instance.id(), group.name()));
        }
        ObjectNode json = JsonViews.MAPPER.createObjectNode();
        json.set("stats", JsonViews.stats(nameServer.stat()));
        ArrayNode services = json.putArray("services");
        ArrayNode instances = json.putArray("instances");
        for (ServiceSummary service : nameServer.list("*")) {
            services.addObject().put("service", service.service()).put("instances", service.instances());
            for (Instance instance : nameServer.locate(service.service(), Map.of())) {
                instances.add(JsonViews.instance(instance, groupOf.get(instance.id())));
            }
        }
        return json;
    }
}
