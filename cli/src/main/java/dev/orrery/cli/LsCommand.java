package dev.orrery.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.registry.Instance;
import dev.orrery.registry.ServiceSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code orrery ls}: the services registered with the name server, each with its instances. */
@Command(name = "ls",
        description = {
            "Lists the services registered with the name server, with their instances.",
            "Each instance shows its id, endpoints, the endpoint this host's calls go to",
            "(shared memory for an instance on this host, TCP otherwise), how long ago its",
            "lease was renewed, its TTL and its metadata.",
            "With --json: a JSON array of {\"service\", \"instances\"} objects, nothing else;",
            "each instance's \"via\" is the endpoint chosen, or null.",
            "Examples: orrery ls",
            "          orrery ls --json 'demo.*'"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.LIST_OK,
            ExitCodes.LIST_OTHER,
            ExitCodes.LIST_OPTIONS,
            ExitCodes.LIST_NAME_SERVER_UNAVAILABLE,
            ExitCodes.LIST_DEADLINE
        })
final class LsCommand extends ClientCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "GLOB", defaultValue = "*",
            description = "the services to list: * matches any run of characters, ? one (default: ${DEFAULT-VALUE})")
    String glob;

    @Option(names = "--json", description = "print a JSON array of {\"service\", \"instances\"} objects")
    boolean json;

    @Override
    int run(Node node, PrintWriter out) {
        Map<String, List<Instance>> services = collect(node);
        if (json) {
            out.println(json(services, node));
        } else if (services.isEmpty()) {
            out.println("no services matching " + glob + " are registered with the name server at "
                    + nameServer.endpoint());
        } else {
            print(services, node, System.currentTimeMillis(), out);
        }
        return ExitCodes.OK;
    }

    /** The services and their instances; a service whose last instance left between the two questions is left out. */
    private Map<String, List<Instance>> collect(Node node) {
        Map<String, List<Instance>> services = new LinkedHashMap<>();
        withinDeadline(() -> {
            for (ServiceSummary summary : askNameServer(node, nameServer -> nameServer.list(glob))) {
                List<Instance> instances = askNameServer(node,
                        nameServer -> nameServer.locate(summary.service(), Map.of()));
                if (!instances.isEmpty()) {
                    services.put(summary.service(), instances);
                }
            }
            return ExitCodes.OK;
        });
        return services;
    }

    private static String json(Map<String, List<Instance>> services, Node node) {
        ArrayNode array = ServiceDescription.JSON.createArrayNode();
        services.forEach((service, instances) -> {
            ObjectNode entry = array.addObject();
            entry.put("service", service);
            ArrayNode each = entry.putArray("instances");
            instances.forEach(instance -> each.add(RegistryFormat.instanceJson(instance)
                    .put("via", node.endpointFor(instance).map(Endpoint::toString).orElse(null))));
        });
        try {
            return ServiceDescription.JSON.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new OrreryException(Status.INTERNAL, "cannot write the listing as JSON: " + e.getOriginalMessage(),
                    e);
        }
    }

    /** A tree: each service, then its instances in aligned columns. */
    private static void print(Map<String, List<Instance>> services, Node node, long now, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        services.values().forEach(instances -> instances.forEach(instance -> rows.add(columns(instance, node, now))));
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        String format = "  %-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %-" + widths[3]
                + "s  %s";
        int row = 0;
        for (Map.Entry<String, List<Instance>> service : services.entrySet()) {
            int count = service.getValue().size();
            out.println(service.getKey() + "  (" + count + (count == 1 ? " instance)" : " instances)"));
            for (int i = 0; i < count; i++) {
                out.println(String.format(format, (Object[]) rows.get(row++)).stripTrailing());
            }
        }
    }

    private static String[] columns(Instance instance, Node node, long now) {
        String lease = "renewed " + RegistryFormat.seconds(now - instance.lastRenewedAt()) + " ago, ttl "
                + RegistryFormat.seconds(instance.ttlMillis());
        String via = node.endpointFor(instance).map(endpoint -> "via " + endpoint).orElse("unreachable from here");
        return new String[] {instance.id(), RegistryFormat.endpoints(instance), via, lease,
            RegistryFormat.metadata(instance.metadata())};
    }
}
