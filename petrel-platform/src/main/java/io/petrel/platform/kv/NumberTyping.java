package io.petrel.platform.kv;

import io.petrel.api.store.platform.KvValue;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The number rule of device-api.md §3. A literal that is integral after stripping trailing zeros, and is not
 * written as a plain decimal with a dot, is a LONG ({@code 73}, {@code 1e3}, {@code 4.2E1}); one outside
 * int64 is a STRING of its digits. Every other number is a DOUBLE ({@code 42.0}, {@code 2.5e-3}), unless it
 * has more than 16 fractional digits, which a double cannot keep: then it is a STRING of the plain decimal.
 */
public final class NumberTyping {
    /** The most fractional digits a DOUBLE is stored for. */
    static final int MAX_FRACTION_DIGITS = 16;

    /**
     * Beyond this many digits before or after the point a literal is refused: writing {@code 1e999999999}
     * out as digits would take a gigabyte.
     */
    static final int MAX_DIGITS = 400;

    // JSON's number grammar: what "a string that parses as a number" means here. No leading zeros (a serial
    // "007" stays text), no '+', no bare '.5'.
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private NumberTyping() {
    }

    /**
     * The typed value of a JSON number literal, or null if its magnitude is out of range.
     *
     * @param literal a valid JSON number, as written
     */
    public static @Nullable KvValue ofLiteral(String literal) {
        BigDecimal number = new BigDecimal(literal);
        int scale = number.scale();
        int integerDigits = number.precision() - scale;
        if (scale > MAX_DIGITS || integerDigits > MAX_DIGITS) {
            return null;
        }
        if (!isPlainDecimal(literal) && isIntegral(number)) {
            if (integerDigits <= 19) {
                try {
                    return KvValue.of(number.longValueExact());
                } catch (ArithmeticException outsideInt64) {
                    // 19 digits may still exceed Long.MAX_VALUE: fall through to the digits.
                }
            }
            return KvValue.of(number.toBigIntegerExact().toString());
        }
        if (scale > MAX_FRACTION_DIGITS) {
            return KvValue.of(number.toPlainString());
        }
        return KvValue.of(number.doubleValue());
    }

    /** The typed number a string holds, or null if it is no JSON number or out of range. */
    public static @Nullable KvValue ofString(String text) {
        if (text.isEmpty() || text.length() > MAX_DIGITS || !JSON_NUMBER.matcher(text).matches()) {
            return null;
        }
        return ofLiteral(text);
    }

    private static boolean isPlainDecimal(String literal) {
        return literal.indexOf('.') >= 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0;
    }

    private static boolean isIntegral(BigDecimal number) {
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }
}
