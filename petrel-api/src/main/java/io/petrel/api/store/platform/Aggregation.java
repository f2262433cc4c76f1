package io.petrel.api.store.platform;

/**
 * How the values of one key within one time interval are combined. MIN, MAX, AVG and SUM take the numeric
 * values (LONG and DOUBLE) and skip the others; COUNT counts every value.
 */
public enum Aggregation {
    /** The smallest number: LONG if every number in the interval is a LONG, else DOUBLE. */
    MIN,
    /** The largest number: LONG if every number in the interval is a LONG, else DOUBLE. */
    MAX,
    /** The mean of the numbers, always DOUBLE. */
    AVG,
    /**
     * The total of the numbers: LONG if every number in the interval is a LONG and their total fits 64 bits,
     * else DOUBLE.
     */
    SUM,
    /** How many values there are, a LONG. */
    COUNT
}
