package io.petrel.api.store.platform;

import java.util.Objects;

/**
 * A tenant: it owns device profiles and devices, and its topic space is invisible to every other organization.
 *
 * @param id the organization's id, as principals carry it ({@code default} for a single-tenant install)
 * @param name a display name
 * @param telemetryTtlMillis how long telemetry points are kept, in milliseconds; 0 keeps them forever
 * @param createdAtMillis when the organization was created, in epoch milliseconds
 */
public record Organization(String id, String name, long telemetryTtlMillis, long createdAtMillis) {
    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
