package io.petrel.platform.attributes;

import io.petrel.platform.kv.KvEntry;
import java.util.List;
import java.util.UUID;

/** Told of every change of a device's shared attributes, once per save, to push it to the device. */
public interface SharedAttributeListener {

    /** Shared attributes were set in one save. */
    void sharedUpdated(UUID deviceId, List<KvEntry> entries);

    /** Shared attributes were deleted in one operation; only keys that existed are given. */
    void sharedDeleted(UUID deviceId, List<String> keys);
}
