package io.petrel.server.store;

/** What the broker promises about its state across a restart or a crash. */
public enum Durability {
    /**
     * State is committed to the store before it is acknowledged: PUBACK, PUBREC and the CONNACK of a persistent
     * session wait for the commit, and a {@code kill -9} loses nothing acknowledged.
     */
    DURABLE,
    /** State lives on the heap only: faster, and lost when the process stops. */
    MEMORY
}
