package io.petrel.store.platform;

import io.petrel.api.store.platform.KvValue;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.jspecify.annotations.Nullable;

/**
 * A typed value in four columns: {@code type} (0 boolean, 1 long, 2 double, 3 string, 4 JSON), {@code long_v}
 * for booleans (0 or 1) and longs, {@code dbl_v} for doubles, {@code str_v} for strings and JSON text. Numbers
 * keep their own column so that aggregates run in SQL.
 */
final class KvColumns {
    static final int BOOLEAN = 0;
    static final int LONG = 1;
    static final int DOUBLE = 2;
    static final int STRING = 3;
    static final int JSON = 4;

    private KvColumns() {
    }

    /** Binds a value to four consecutive parameters, from {@code first}: type, long_v, dbl_v, str_v. */
    static void bind(PreparedStatement statement, int first, KvValue value) throws SQLException {
        switch (value) {
            case KvValue.BooleanValue v -> columns(statement, first, BOOLEAN, v.value() ? 1L : 0L, null, null);
            case KvValue.LongValue v -> columns(statement, first, LONG, v.value(), null, null);
            case KvValue.DoubleValue v -> columns(statement, first, DOUBLE, null, v.value(), null);
            case KvValue.StringValue v -> columns(statement, first, STRING, null, null, v.value());
            case KvValue.JsonValue v -> columns(statement, first, JSON, null, null, v.text());
        }
    }

    private static void columns(PreparedStatement statement, int first, int type, @Nullable Long longValue,
            @Nullable Double doubleValue, @Nullable String text) throws SQLException {
        statement.setInt(first, type);
        if (longValue == null) {
            statement.setNull(first + 1, Types.BIGINT);
        } else {
            statement.setLong(first + 1, longValue);
        }
        if (doubleValue == null) {
            statement.setNull(first + 2, Types.DOUBLE);
        } else {
            statement.setDouble(first + 2, doubleValue);
        }
        statement.setString(first + 3, text);
    }

    /** Reads a value from four consecutive columns, from {@code first}: type, long_v, dbl_v, str_v. */
    static KvValue read(ResultSet rows, int first) throws SQLException {
        int type = rows.getInt(first);
        return switch (type) {
            case BOOLEAN -> KvValue.of(rows.getLong(first + 1) != 0);
            case LONG -> KvValue.of(rows.getLong(first + 1));
            case DOUBLE -> KvValue.of(rows.getDouble(first + 2));
            case STRING -> KvValue.of(rows.getString(first + 3));
            case JSON -> KvValue.json(rows.getString(first + 3));
            default -> throw new SQLException("unknown value type " + type);
        };
    }
}
