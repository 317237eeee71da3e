package dev.orrery.internal.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orrery.internal.codec.Codecs;
import java.lang.reflect.Parameter;

/**
 * The answer to the built-in {@code .describe} method: a service's methods with their parameters, kinds,
 * codecs and JSON schemas. Computed once per exported service.
 */
final class Description {

    private Description() {
    }

    /**
     * Describes a service.
     *
     * @param service the service
     * @return the description, a JSON object
     */
    static ObjectNode of(ServiceDescriptor service) {
        Schemas schemas = new Schemas();
        ObjectNode root = Codecs.JSON.createObjectNode();
        root.put("service", service.name());
        root.put("interface", service.type().getName());
        ArrayNode methods = root.putArray("methods");
        for (MethodDescriptor method : service.methods().values()) {
            ObjectNode m = methods.addObject();
            m.put("name", method.name());
            m.put("kind", method.kind().label());
            m.put("codec", method.codec().name().toLowerCase(java.util.Locale.ROOT));
            m.put("idempotent", method.idempotent());
            m.put("signature", method.signature());
            ArrayNode params = m.putArray("params");
            Parameter[] parameters = method.parameters();
            for (int i = 0; i < parameters.length; i++) {
                ObjectNode p = params.addObject();
                p.put("name", parameters[i].getName());
                p.put("type", parameters[i].getParameterizedType().getTypeName());
                p.set("schema", schemas.schema(method.parameterTypes()[i]));
            }
            JsonNode returns = method.resultType().getRawClass() == Void.class
                    ? Codecs.JSON.createObjectNode().put("type", "null")
                    : schemas.schema(method.resultType());
            m.set(method.kind() == MethodKind.STREAM ? "items" : "returns", returns);
        }
        if (!schemas.definitions().isEmpty()) {
            root.set("definitions", schemas.definitions());
        }
        return root;
    }
}
