package io.petrel.api.store.platform;

/** The order of telemetry values by time. */
public enum SortOrder {
    /** Oldest first. */
    ASCENDING,
    /** Newest first. */
    DESCENDING
}
