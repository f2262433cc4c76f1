package io.petrel.api.store.platform;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Device attributes in the client, shared and server scopes. The last write of a key wins. */
public interface AttributeStore {

    /** Creates or replaces attributes of a device in one scope, in one commit. */
    void save(UUID deviceId, AttributeScope scope, List<AttributeEntry> entries);

    /** Every attribute of a device in a scope, by key. */
    List<AttributeEntry> find(UUID deviceId, AttributeScope scope);

    /** The attributes of a device in a scope with the given keys, by key; keys that do not exist are left out. */
    List<AttributeEntry> find(UUID deviceId, AttributeScope scope, Collection<String> keys);

    /** Deletes attributes of a device in a scope, and returns the keys that existed, by key. */
    List<String> delete(UUID deviceId, AttributeScope scope, Collection<String> keys);

    /** Deletes every attribute of a device. */
    void deleteDevice(UUID deviceId);
}
