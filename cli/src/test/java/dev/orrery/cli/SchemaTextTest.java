package dev.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SchemaTextTest {

    private static JsonNode json(String text) throws Exception {
        return ServiceDescription.JSON.readTree(text);
    }

    @Test
    @Timeout(5)
    void shouldNameScalarTypes() throws Exception {
        assertThat(SchemaText.typeName(json("{\"type\":\"string\"}"))).isEqualTo("string");
        assertThat(SchemaText.typeName(json("{\"type\":\"integer\",\"format\":\"int64\"}"))).isEqualTo("long");
        assertThat(SchemaText.typeName(json("{\"type\":\"integer\",\"format\":\"int32\"}"))).isEqualTo("int");
        assertThat(SchemaText.typeName(json("{\"type\":\"integer\"}"))).isEqualTo("integer");
        assertThat(SchemaText.typeName(json("{\"type\":\"string\",\"contentEncoding\":\"base64\"}")))
                .isEqualTo("bytes");
        assertThat(SchemaText.typeName(json("{\"type\":\"null\"}"))).isEqualTo("void");
        assertThat(SchemaText.typeName(json("{}"))).isEqualTo("any");
    }

    @Test
    @Timeout(5)
    void shouldNameContainersAndReferences() throws Exception {
        assertThat(SchemaText.typeName(json(
                "{\"type\":\"array\",\"items\":{\"type\":\"integer\",\"format\":\"int64\"}}")))
                .isEqualTo("array<long>");
        assertThat(SchemaText.typeName(json(
                "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}")))
                .isEqualTo("map<string, string>");
        assertThat(SchemaText.typeName(json("{\"$ref\":\"#/definitions/dev.orrery.examples.Calculator$Stats\"}")))
                .isEqualTo("Stats");
        assertThat(SchemaText.typeName(json("{\"type\":\"string\",\"enum\":[\"RED\",\"BLUE\"]}")))
                .isEqualTo("RED|BLUE");
    }

    @Test
    @Timeout(5)
    void shouldDescribeAMethodFromItsJson() throws Exception {
        MethodDescription put = MethodDescription.of(json("""
                {"name":"put","kind":"sync","codec":"msgpack","idempotent":true,
                 "params":[{"name":"key","schema":{"type":"string"}},{"name":"value","schema":{"type":"string"}}],
                 "returns":{"type":"string"}}"""));

        assertThat(put.signature()).isEqualTo("string put(key: string, value: string)");
        assertThat(put.takes()).isEqualTo("put takes 2 arguments: key (string), value (string)");
        assertThat(put.exampleArguments()).isEqualTo("[\"key\", \"value\"]");
        assertThat(put.returnsNothing()).isFalse();
    }
}
