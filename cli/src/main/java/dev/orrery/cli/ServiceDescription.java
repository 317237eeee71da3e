package dev.orrery.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.internal.NearestName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a service's built-in {@code describe} answered, as the command line reads it.
 *
 * @param service       the service name
 * @param interfaceName the Java interface behind it, or an empty string when the peer did not say
 * @param methods       its methods, in the order the peer listed them
 * @param definitions   the object types that method schemas refer to, keyed by name
 */
record ServiceDescription(String service, String interfaceName, List<MethodDescription> methods,
                          JsonNode definitions) {

    /** Reads JSON strictly: text after the first value is an error, not ignored. */
    static final ObjectMapper JSON =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /**
     * Reads the JSON text of a description.
     *
     * @param json what {@code DynamicClient.describe} returned
     * @return the description
     * @throws OrreryException with {@link Status#INTERNAL} when the peer's answer is not a description
     */
    static ServiceDescription parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new OrreryException(Status.INTERNAL, "the peer's description is not JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path("methods").isArray()) {
            throw new OrreryException(Status.INTERNAL, "the peer's description has no list of methods: " + json);
        }
        List<MethodDescription> methods = new ArrayList<>();
        for (JsonNode method : root.path("methods")) {
            methods.add(MethodDescription.of(method));
        }
        JsonNode definitions = root.has("definitions") ? root.get("definitions") : MissingNode.getInstance();
        return new ServiceDescription(root.path("service").asText(), root.path("interface").asText(""),
                List.copyOf(methods), definitions);
    }

    /**
     * The method with this name.
     *
     * @param name the method name
     * @return the method, or empty when the service has none of that name
     */
    Optional<MethodDescription> method(String name) {
        return methods.stream().filter(method -> method.name().equals(name)).findFirst();
    }

    /**
     * The names of the methods.
     *
     * @return the names, sorted
     */
    List<String> methodNames() {
        return methods.stream().map(MethodDescription::name).sorted().toList();
    }

    /**
     * Why a method name is not one of this service's, with the nearest name when one is close.
     *
     * @param name the name that was asked for
     * @return such as {@code demo.echo has no method 'ech'; it has: echo, echoBytes. Did you mean 'echo'?}
     */
    String noSuchMethod(String name) {
        String message = service + " has no method '" + name + "'; it has: " + String.join(", ", methodNames());
        return NearestName.of(name, methodNames())
                .map(nearest -> message + ". Did you mean '" + nearest + "'?")
                .orElse(message);
    }
}
