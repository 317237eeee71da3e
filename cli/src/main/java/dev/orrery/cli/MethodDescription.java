package dev.orrery.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One method of a {@link ServiceDescription}.
 *
 * @param name       the method name
 * @param kind       {@code sync}, {@code async} or {@code oneway}
 * @param codec      the codec its calls use, such as {@code msgpack}
 * @param idempotent whether it may be retried
 * @param params     its parameters, in order
 * @param returns    the schema of its result; {@code {"type":"null"}} for none
 */
record MethodDescription(String name, String kind, String codec, boolean idempotent, List<Param> params,
                         JsonNode returns) {

    /**
     * One parameter.
     *
     * @param name   the parameter's name
     * @param schema the schema of its type
     */
    record Param(String name, JsonNode schema) {

        /** @return such as {@code text: string} */
        String text() {
            return name + ": " + SchemaText.typeName(schema);
        }
    }

    /**
     * Reads one element of a description's {@code methods}.
     *
     * @param method the element
     * @return the method
     */
    static MethodDescription of(JsonNode method) {
        List<Param> params = new ArrayList<>();
        for (JsonNode param : method.path("params")) {
            params.add(new Param(param.path("name").asText("arg" + params.size()), param.get("schema")));
        }
        return new MethodDescription(method.path("name").asText(), method.path("kind").asText("sync"),
                method.path("codec").asText(""), method.path("idempotent").asBoolean(false), List.copyOf(params),
                method.get("returns"));
    }

    /**
     * Whether a call answers nothing: a one-way method, or one whose result type is void.
     *
     * @return true when there is no result to print
     */
    boolean returnsNothing() {
        return kind.equals("oneway") || "void".equals(SchemaText.typeName(returns));
    }

    /**
     * The signature as people read it.
     *
     * @return such as {@code string echo(text: string)}
     */
    String signature() {
        return SchemaText.typeName(returns) + " " + name + "(" + String.join(", ",
                params.stream().map(Param::text).toList()) + ")";
    }

    /**
     * What the method takes, for error messages.
     *
     * @return such as {@code echo takes 1 argument: text (string)} or {@code size takes no arguments}
     */
    String takes() {
        if (params.isEmpty()) {
            return name + " takes no arguments";
        }
        List<String> each = params.stream().map(p -> p.name() + " (" + SchemaText.typeName(p.schema()) + ")").toList();
        return name + " takes " + params.size() + (params.size() == 1 ? " argument: " : " arguments: ")
                + String.join(", ", each);
    }

    /**
     * A JSON arguments array that has the right shape, for hints.
     *
     * @return such as {@code ["key", "value"]}
     */
    String exampleArguments() {
        return "[" + String.join(", ", params.stream().map(p -> SchemaText.example(p.schema(), p.name())).toList())
                + "]";
    }
}
