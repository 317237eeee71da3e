package dev.orrery.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.Calls;
import dev.orrery.DynamicClient;
import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.registry.Instance;
import dev.orrery.supervisor.SupervisorControl;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code POST /api/call/{service}/{method}}: calls any service that the name server lists, with a JSON array of
 * arguments, through the supervisor's node.
 *
 * <p>Instances are tried in turn, starting one further each call so that calls spread over them. An instance is
 * first asked for its description, which is safe to repeat: one that cannot be reached is passed over for the next.
 * The call itself moves on to another instance only when the method is idempotent, so a call that may have run is
 * never run twice.
 */
final class GatewayApi {

    private final SupervisorControl control;
    private final ConsoleLimits limits;
    private final AtomicInteger next = new AtomicInteger();

    GatewayApi(SupervisorControl control, ConsoleLimits limits) {
        this.control = control;
        this.limits = limits;
    }

    /**
     * Adds this area's route.
     *
     * @param router the router
     */
    void addTo(Router router) {
        router.add("POST", "/api/call/{service}/{method}", (request, path) ->
                call(path.get("service"), path.get("method"), arguments(request),
                        Params.duration(request, "deadline", limits.gatewayDeadline(),
                                limits.maxGatewayDeadline())));
    }

    private Response call(String service, String method, String arguments, Duration deadline) {
        String result;
        try {
            result = Calls.withDeadline(deadline, () -> callSomeInstance(service, method, arguments));
        } catch (OrreryException | IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new OrreryException(Status.INTERNAL, "the call to " + service + "." + method + " failed: " + e, e);
        }
        return new Response(200, Response.JSON, (result == null ? "null" : result).getBytes(StandardCharsets.UTF_8),
                Map.of());
    }

    private String callSomeInstance(String service, String method, String arguments) {
        Node node = control.node();
        List<Endpoint> candidates = candidates(node, service);
        int first = Math.floorMod(next.getAndIncrement(), candidates.size());
        OrreryException last = null;
        for (int i = 0; i < candidates.size(); i++) {
            Endpoint endpoint = candidates.get((first + i) % candidates.size());
            DynamicClient client = node.dynamic(endpoint);
            boolean idempotent;
            try {
                idempotent = idempotent(client.describe(service), service, method);
            } catch (OrreryException e) {
                if (!unreachable(e)) {
                    throw e;
                }
                last = e;
                continue;
            }
            try {
                return client.call(service, method, arguments);
            } catch (OrreryException e) {
                if (!unreachable(e) || !idempotent) {
                    throw e;
                }
                last = e;
            }
        }
        throw new OrreryException(Status.UNAVAILABLE, "no instance of " + service + " answered; tried "
                + candidates.size() + " " + candidates + ", the last said: " + last.description(), last);
    }

    /** The endpoint this node would call for each listed instance, oldest instance first. */
    private List<Endpoint> candidates(Node node, String service) {
        List<Instance> instances = control.nameServer().locate(service, Map.of());
        if (instances.isEmpty()) {
            throw new OrreryException(Status.NOT_FOUND, "no instance of " + service + " is registered with the "
                    + "name server; GET /api/nameserver lists the services there");
        }
        List<Endpoint> candidates = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Instance instance : instances) {
            node.endpointFor(instance).ifPresentOrElse(candidates::add, () -> others.addAll(instance.endpoints()));
        }
        if (candidates.isEmpty()) {
            throw new OrreryException(Status.UNAVAILABLE, "no instance of " + service + " has an endpoint the "
                    + "supervisor's node can reach; the name server lists only " + others);
        }
        return candidates;
    }

    /**
     * Whether the method is idempotent, from the service's description.
     *
     * @throws OrreryException {@link Status#NOT_FOUND} when the service has no such method, naming those it has
     */
    private static boolean idempotent(String description, String service, String method) {
        JsonNode methods;
        try {
            methods = JsonViews.MAPPER.readTree(description).path("methods");
        } catch (JsonProcessingException e) {
            throw new OrreryException(Status.INTERNAL, "the description of " + service + " is not JSON", e);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode each : methods) {
            if (each.path("name").asText().equals(method)) {
                return each.path("idempotent").asBoolean(false);
            }
            names.add(each.path("name").asText());
        }
        throw new OrreryException(Status.NOT_FOUND, service + " has no method '" + method + "'; its methods are "
                + String.join(", ", names.stream().sorted().toList()));
    }

    /** A failure to reach an instance, as opposed to a failure its handler reported. */
    private static boolean unreachable(OrreryException failure) {
        return failure.status() == Status.UNAVAILABLE
                && (failure.remoteType() == null || failure.remoteType().equals(OrreryException.class.getName()));
    }

    /**
     * The request body as a compact JSON array; an empty body is an empty array.
     *
     * @throws OrreryException {@link Status#INVALID_ARGUMENT} when the body is not a JSON array
     */
    private static String arguments(Request request) {
        String body = request.bodyText();
        if (body.isBlank()) {
            return "[]";
        }
        JsonNode parsed;
        try {
            parsed = JsonViews.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new OrreryException(Status.INVALID_ARGUMENT, "the body is not valid JSON: "
                    + e.getOriginalMessage() + "; send a JSON array with one element per parameter, such as "
                    + "[\"hi\"]");
        }
        if (!parsed.isArray()) {
            throw new OrreryException(Status.INVALID_ARGUMENT, "the body must be a JSON array with one element per "
                    + "parameter, such as [\"hi\"]; got " + parsed.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return JsonViews.write(parsed);
    }
}
