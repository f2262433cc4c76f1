package io.petrel.platform.kv;

/**
 * Settings of value typing.
 *
 * @param typeCast whether a string that is a number is stored as that number ({@code json.type_cast_enabled})
 * @param maxStringLength the longest string value accepted, in characters; 0 for no limit. A longer string
 *     makes the whole message invalid.
 */
public record KvConfig(boolean typeCast, int maxStringLength) {
    /** Type casting on, no string limit: the device API's defaults. */
    public static final KvConfig DEFAULT = new KvConfig(true, 0);

    public KvConfig {
        if (maxStringLength < 0) {
            throw new IllegalArgumentException("maxStringLength must not be negative: " + maxStringLength);
        }
    }
}
