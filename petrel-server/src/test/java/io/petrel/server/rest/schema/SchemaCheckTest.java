package io.petrel.server.rest.schema;

import static io.petrel.server.rest.schema.Field.optional;
import static io.petrel.server.rest.schema.Field.required;
import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.platform.json.Json;
import io.petrel.platform.json.JsonReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {
    private static final Schema INNER = Schema.named("Inner", "inner", Schema.object(
            required("kind", Schema.string().oneOf("A", "B"), "kind")));
    private static final Schema BODY = Schema.object(
            required("name", Schema.text(5), "name"),
            optional("count", Schema.integer(1, 10), "count"),
            optional("ratio", Schema.number(), "ratio"),
            optional("on", Schema.bool(), "on"),
            optional("id", Schema.uuid(), "id"),
            optional("tags", new Schema.Arr(Schema.string(), 2), "tags"),
            optional("inner", INNER, "inner"),
            optional("extra", Schema.map(Schema.integer(0, 9)), "extra"),
            optional("anything", Schema.any(), "anything"));

    private static String check(String json) {
        Json value = JsonReader.parse(json.getBytes(StandardCharsets.UTF_8)).value();
        return SchemaCheck.body(value, BODY);
    }

    @Test
    void aFittingBodyPasses() {
        assertThat(check("{\"name\":\"abc\",\"count\":10,\"ratio\":1e-3,\"on\":false,"
                + "\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"tags\":[\"a\",\"b\"],\"inner\":{\"kind\":\"B\"},"
                + "\"extra\":{\"x\":1,\"y\":9},\"anything\":[null,{}]}")).isNull();
        assertThat(check("{\"name\":\"abc\",\"count\":null}")).as("an optional null is absent").isNull();
    }

    @Test
    void eachProblemIsNamedWithItsField() {
        assertThat(check("[]")).isEqualTo("the body must be an object, not an array");
        assertThat(check("{}")).isEqualTo("field 'name' is required");
        assertThat(check("{\"name\":null}")).isEqualTo("field 'name' must be a string, not null");
        assertThat(check("{\"name\":\"\"}")).isEqualTo("field 'name' must not be empty");
        assertThat(check("{\"name\":\"abcdef\"}")).isEqualTo("field 'name' must have at most 5 characters");
        assertThat(check("{\"name\":\"a\",\"count\":11}")).isEqualTo("field 'count' must be an integer from 1 to 10, "
                + "not 11");
        assertThat(check("{\"name\":\"a\",\"count\":2.0}")).isEqualTo("field 'count' must be an integer from 1 to 10, "
                + "not 2.0");
        assertThat(check("{\"name\":\"a\",\"count\":99999999999999999999}")).startsWith("field 'count' must be");
        assertThat(check("{\"name\":\"a\",\"ratio\":\"1\"}")).isEqualTo("field 'ratio' must be a number, not a string");
        assertThat(check("{\"name\":\"a\",\"on\":1}")).isEqualTo("field 'on' must be a boolean, not a number");
        assertThat(check("{\"name\":\"a\",\"id\":\"123\"}")).isEqualTo("field 'id' must be a UUID, not '123'");
        assertThat(check("{\"name\":\"a\",\"tags\":[\"a\",\"b\",\"c\"]}"))
                .isEqualTo("field 'tags' must have at most 2 items");
        assertThat(check("{\"name\":\"a\",\"tags\":[\"a\",3]}")).isEqualTo("field 'tags[1]' must be a string, "
                + "not a number");
        assertThat(check("{\"name\":\"a\",\"inner\":{\"kind\":\"C\"}}"))
                .isEqualTo("field 'inner.kind' must be one of A, B, not 'C'");
        assertThat(check("{\"name\":\"a\",\"inner\":{}}")).isEqualTo("field 'inner.kind' is required");
        assertThat(check("{\"name\":\"a\",\"extra\":{\"x\":10}}"))
                .isEqualTo("field 'extra.x' must be an integer from 0 to 9, not 10");
        assertThat(check("{\"nam\":\"a\"}")).isEqualTo("unknown field 'nam' (allowed: name, count, ratio, on, id, "
                + "tags, inner, extra, anything)");
    }

    @Test
    void parametersAreCheckedFromTheirText() {
        Param limit = Param.optional("limit", Schema.integer(1, 100), "limit");
        assertThat(ParamCheck.check(limit, "100", "query parameter")).isNull();
        assertThat(ParamCheck.check(limit, "0x10", "query parameter"))
                .isEqualTo("query parameter 'limit' must be an integer from 1 to 100, not 0x10");
        Param flag = Param.optional("flag", Schema.bool(), "flag");
        assertThat(ParamCheck.check(flag, "yes", "query parameter"))
                .isEqualTo("query parameter 'flag' must be true or false, not 'yes'");
    }
}
