package io.petrel.server.rest.schema;

import static io.petrel.server.rest.schema.Field.optional;
import static io.petrel.server.rest.schema.Field.required;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class OpenApiSchemasTest {
    @Test
    void namedSchemasAreWrittenOnceAndReferred() {
        ObjectNode components = JsonNodeFactory.instance.objectNode();
        OpenApiSchemas writer = new OpenApiSchemas(components);
        Schema thing = Schema.named("Thing", "A thing.", Schema.object(
                required("id", Schema.uuid(), "The id."),
                optional("size", Schema.integer(0, 10), "The size."),
                optional("labels", Schema.map(Schema.string()), "Labels.")));

        assertThat(writer.write(Schema.array(thing)).toString())
                .isEqualTo("{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Thing\"}}");
        writer.write(thing);
        assertThat(components.size()).isEqualTo(1);
        assertThat(components.get("Thing").toString()).isEqualTo("{\"type\":\"object\",\"properties\":{"
                + "\"id\":{\"type\":\"string\",\"format\":\"uuid\",\"minLength\":36,\"maxLength\":36,"
                + "\"description\":\"The id.\"},"
                + "\"size\":{\"type\":\"integer\",\"format\":\"int64\",\"minimum\":0,\"maximum\":10,"
                + "\"description\":\"The size.\"},"
                + "\"labels\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"},"
                + "\"description\":\"Labels.\"}},"
                + "\"required\":[\"id\"],\"additionalProperties\":false,\"description\":\"A thing.\"}");
    }

    @Test
    void enumsAndAnyValues() {
        OpenApiSchemas writer = new OpenApiSchemas(JsonNodeFactory.instance.objectNode());
        assertThat(writer.write(Schema.string().oneOf("ASC", "DESC")).toString())
                .isEqualTo("{\"type\":\"string\",\"enum\":[\"ASC\",\"DESC\"]}");
        assertThat(writer.write(Schema.any()).toString()).isEqualTo("{}");
    }
}
