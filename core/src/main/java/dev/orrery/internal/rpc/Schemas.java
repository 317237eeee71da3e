package dev.orrery.internal.rpc;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orrery.internal.codec.Codecs;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes JSON-schema-like descriptions of Java types, the way the JSON codec encodes them. Object types go
 * to {@code definitions} once and are referred to by {@code $ref}, so recursive types terminate.
 */
final class Schemas {
    private final ObjectNode definitions = Codecs.JSON.createObjectNode();

    ObjectNode definitions() {
        return definitions;
    }

    ObjectNode schema(JavaType type) {
        ObjectNode node = Codecs.JSON.createObjectNode();
        Class<?> raw = type.getRawClass();
        if (raw == String.class || raw == char.class || raw == Character.class || raw == UUID.class) {
            return node.put("type", "string");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return node.put("type", "boolean");
        }
        if (raw == long.class || raw == Long.class) {
            return node.put("type", "integer").put("format", "int64");
        }
        if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class
                || raw == byte.class || raw == Byte.class) {
            return node.put("type", "integer").put("format", "int32");
        }
        if (raw == BigInteger.class) {
            return node.put("type", "integer");
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class
                || raw == BigDecimal.class) {
            return node.put("type", "number");
        }
        if (raw == byte[].class || raw == ByteBuffer.class) {
            return node.put("type", "string").put("contentEncoding", "base64");
        }
        if (raw == java.time.Duration.class) {
            return node.put("type", "string").put("format", "duration");
        }
        if (Temporal.class.isAssignableFrom(raw)) {
            return node.put("type", "string").put("format", raw.getSimpleName());
        }
        if (raw.isEnum()) {
            ArrayNode values = node.put("type", "string").putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return node;
        }
        if (raw == Optional.class) {
            return schema(type.containedTypeOrUnknown(0));
        }
        if (type.isArrayType() || Collection.class.isAssignableFrom(raw)) {
            node.put("type", "array").set("items", schema(type.getContentType()));
            return node;
        }
        if (Map.class.isAssignableFrom(raw)) {
            node.put("type", "object").set("additionalProperties", schema(type.getContentType()));
            return node;
        }
        if (raw == Object.class || raw.isInterface()) {
            return node;
        }
        return reference(type);
    }

    private ObjectNode reference(JavaType type) {
        String name = type.getRawClass().getName();
        if (!definitions.has(name)) {
            ObjectNode definition = definitions.putObject(name);
            definition.put("type", "object");
            ObjectNode properties = definition.putObject("properties");
            BeanDescription bean = Codecs.JSON.getSerializationConfig().introspect(type);
            for (BeanPropertyDefinition property : bean.findProperties()) {
                properties.set(property.getName(), schema(property.getPrimaryType()));
            }
        }
        return Codecs.JSON.createObjectNode().put("$ref", "#/definitions/" + name);
    }
}
