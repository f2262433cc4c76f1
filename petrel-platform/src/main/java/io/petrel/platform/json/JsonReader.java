package io.petrel.platform.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.petrel.platform.Result;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON document. Jackson checks the syntax and enforces its nesting and length limits; anything
 * wrong comes back as a problem, never as an exception.
 */
public final class JsonReader {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonReader() {
    }

    /** Parses a UTF-8 payload that must hold exactly one JSON value. */
    public static Result<Json> parse(byte[] payload) {
        if (payload.length == 0) {
            return Result.fail("the payload is empty; expected JSON");
        }
        try (JsonParser parser = FACTORY.createParser(payload)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Result.fail("the payload is empty; expected JSON");
            }
            Json value = read(parser, first);
            if (parser.nextToken() != null) {
                return Result.fail("the payload is not valid JSON: more than one value");
            }
            return Result.ok(value);
        } catch (StreamConstraintsException e) {
            return Result.fail("the payload is not acceptable JSON: %s", firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            return Result.fail("the payload is not valid JSON: %s", firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            return Result.fail("the payload is not valid JSON: %s", firstLine(e.getMessage()));
        }
    }

    private static Json read(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> new Json.Str(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Json.Num(parser.getText());
            case VALUE_TRUE -> new Json.Bool(true);
            case VALUE_FALSE -> new Json.Bool(false);
            case VALUE_NULL -> Json.Null.INSTANCE;
            default -> throw new IOException("unexpected " + token);
        };
    }

    private static Json readObject(JsonParser parser) throws IOException {
        Map<String, Json> members = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            members.put(name, read(parser, parser.nextToken()));
        }
        return new Json.Obj(members);
    }

    private static Json readArray(JsonParser parser) throws IOException {
        List<Json> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(read(parser, token));
        }
        return new Json.Arr(items);
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
