package dev.orrery.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the JSON-schema-like types of a service description into short names people read, such as
 * {@code string}, {@code long}, {@code array<long>}, {@code map<string, string>} or {@code Stats}, and into
 * sample JSON values for hints.
 */
final class SchemaText {

    private SchemaText() {
    }

    /**
     * The short name of a type.
     *
     * @param schema the type's schema, possibly missing
     * @return the name; {@code any} for a schema that says nothing
     */
    static String typeName(JsonNode schema) {
        if (schema == null || schema.isMissingNode() || schema.isNull() || schema.isEmpty()) {
            return "any";
        }
        if (schema.hasNonNull("$ref")) {
            return referenceName(schema.get("$ref").asText());
        }
        if (schema.get("enum") instanceof JsonNode values && values.isArray()) {
            List<String> names = new ArrayList<>();
            values.forEach(value -> names.add(value.asText()));
            return String.join("|", names);
        }
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            List<String> names = new ArrayList<>();
            type.forEach(each -> names.add(simpleTypeName(each.asText(), schema)));
            return String.join("|", names);
        }
        return simpleTypeName(type.asText("any"), schema);
    }

    private static String simpleTypeName(String type, JsonNode schema) {
        return switch (type) {
            case "string" -> schema.has("contentEncoding") ? "bytes" : schema.path("format").asText("string");
            case "integer" -> integerName(schema.path("format").asText(""));
            case "null" -> "void";
            case "array" -> "array<" + typeName(schema.get("items")) + ">";
            case "object" -> objectName(schema);
            case "" -> "any";
            default -> type;
        };
    }

    private static String integerName(String format) {
        return switch (format) {
            case "int32", "int", "integer" -> "int";
            case "int64", "long" -> "long";
            case "short", "byte" -> format;
            default -> "integer";
        };
    }

    private static String objectName(JsonNode schema) {
        if (schema.has("additionalProperties")) {
            return "map<string, " + typeName(schema.get("additionalProperties")) + ">";
        }
        if (schema.get("properties") instanceof JsonNode properties && !properties.isEmpty()) {
            return properties(properties);
        }
        return "object";
    }

    /**
     * The fields of an object type, such as {@code {count: long, total: long}}.
     *
     * @param properties the schema's {@code properties} object
     * @return the fields in braces
     */
    static String properties(JsonNode properties) {
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : properties.properties()) {
            fields.add(field.getKey() + ": " + typeName(field.getValue()));
        }
        return "{" + String.join(", ", fields) + "}";
    }

    /**
     * The name of a referenced definition without its package and outer classes: {@code Stats} for
     * {@code #/definitions/dev.orrery.examples.Calculator$Stats}.
     *
     * @param reference the {@code $ref} or the definition's key
     * @return the simple name
     */
    static String referenceName(String reference) {
        int cut = Math.max(Math.max(reference.lastIndexOf('/'), reference.lastIndexOf('.')),
                reference.lastIndexOf('$'));
        return reference.substring(cut + 1);
    }

    /**
     * A JSON value of a type, to show in hints: a parameter named {@code key} of type string gives
     * {@code "key"}.
     *
     * @param schema the type's schema
     * @param name   the parameter's name
     * @return compact JSON text
     */
    static String example(JsonNode schema, String name) {
        String type = schema == null ? "" : schema.path("type").asText("");
        if (schema != null && schema.hasNonNull("$ref")) {
            return "{}";
        }
        return switch (type) {
            case "string" -> schema.has("contentEncoding") ? "\"aGk=\"" : "\"" + name + "\"";
            case "integer" -> "1";
            case "number" -> "1.5";
            case "boolean" -> "true";
            case "array" -> "[]";
            case "object" -> "{}";
            default -> "null";
        };
    }
}
