package io.petrel.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.platform.Result;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    private static Result<Json> parse(String text) {
        return JsonReader.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void numbersKeepTheirLiteralText() {
        Json.Obj obj = (Json.Obj) parse("{\"a\": 4.20E1, \"b\": 42.0, \"c\": -0}").value();
        assertThat(obj.members()).containsEntry("a", new Json.Num("4.20E1")).containsEntry("b", new Json.Num("42.0"))
                .containsEntry("c", new Json.Num("-0"));
    }

    @Test
    void objectsKeepMemberOrderAndTheLastOfDuplicateNames() {
        Json.Obj obj = (Json.Obj) parse("{\"z\": 1, \"a\": 2, \"z\": 3}").value();
        assertThat(obj.members().keySet()).containsExactly("z", "a");
        assertThat(obj.members().get("z")).isEqualTo(new Json.Num("3"));
    }

    @Test
    void writingGivesCompactTextWithTheSameNumbers() {
        Json value = parse("[ 1.50 , {\"x\" : [true, null, \"é\\\"\"]}, 1e3 ]").value();
        assertThat(JsonWriter.text(value)).isEqualTo("[1.50,{\"x\":[true,null,\"é\\\"\"]},1e3]");
    }

    @Test
    void badInputIsAProblemNotAnException() {
        assertThat(parse("").problem().message()).contains("empty");
        assertThat(parse("   ").problem().message()).contains("empty");
        assertThat(parse("{\"a\":").problem().message()).startsWith("the payload is not valid JSON");
        assertThat(parse("{} {}").problem().message()).contains("more than one value");
        assertThat(parse("NaN").isOk()).isFalse();
        assertThat(parse("{'a':1}").isOk()).isFalse();
        assertThat(parse("[".repeat(5_000)).isOk()).isFalse();
        assertThat(JsonReader.parse(new byte[] {(byte) 0xC3, (byte) 0x28}).isOk()).isFalse();
    }

    @Test
    void aScalarIsAValidDocument() {
        assertThat(parse("21.5").value()).isEqualTo(new Json.Num("21.5"));
        assertThat(parse("\"on\"").value()).isEqualTo(new Json.Str("on"));
    }
}
