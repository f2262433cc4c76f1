package io.petrel.platform.kv;

import io.petrel.api.store.platform.KvValue;
import io.petrel.platform.Result;
import io.petrel.platform.json.Json;
import io.petrel.platform.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns JSON members into typed key-values (device-api.md §3): booleans, numbers by the number rule, strings
 * (numeric ones cast when enabled), objects and arrays as JSON text; {@code null} members are skipped.
 */
public final class KvParser {
    private final KvConfig config;

    public KvParser(KvConfig config) {
        this.config = config;
    }

    /** The key-values of an object's members, in order; a problem if any member is unacceptable. */
    public Result<List<KvEntry>> parse(Json.Obj object) {
        List<KvEntry> entries = new ArrayList<>(object.members().size());
        for (Map.Entry<String, Json> member : object.members().entrySet()) {
            String key = member.getKey();
            if (key.isEmpty()) {
                return Result.fail("a key must not be empty");
            }
            Result<@Nullable KvValue> value = value(key, member.getValue());
            if (!value.isOk()) {
                return Result.fail(value.problem());
            }
            KvValue typed = value.value();
            if (typed != null) {
                entries.add(new KvEntry(key, typed));
            }
        }
        return Result.ok(entries);
    }

    /** The typed value of one JSON value under a key; null for {@code null}, which is skipped. */
    public Result<@Nullable KvValue> value(String key, Json json) {
        return switch (json) {
            case Json.Null ignored -> Result.ok(null);
            case Json.Bool bool -> Result.ok(KvValue.of(bool.value()));
            case Json.Num num -> number(key, num.literal());
            case Json.Str str -> string(key, str.value());
            case Json.Obj obj -> Result.ok(KvValue.json(JsonWriter.text(obj)));
            case Json.Arr arr -> Result.ok(KvValue.json(JsonWriter.text(arr)));
        };
    }

    private static Result<@Nullable KvValue> number(String key, String literal) {
        KvValue typed = NumberTyping.ofLiteral(literal);
        return typed == null ? Result.fail("the number of key '%s' is out of range", key) : Result.ok(typed);
    }

    private Result<@Nullable KvValue> string(String key, String text) {
        if (config.maxStringLength() > 0 && text.length() > config.maxStringLength()) {
            return Result.fail("the string of key '%s' is longer than %d characters", key,
                    config.maxStringLength());
        }
        if (config.typeCast()) {
            KvValue number = NumberTyping.ofString(text);
            if (number != null) {
                return Result.ok(number);
            }
        }
        return Result.ok(KvValue.of(text));
    }
}
