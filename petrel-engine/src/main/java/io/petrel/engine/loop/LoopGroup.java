package io.petrel.engine.loop;

import java.util.List;

/** The fixed set of loops that own sessions. */
public interface LoopGroup {
    /** All loops, in a stable order. */
    List<? extends Loop> loops();

    /**
     * The loop that owns a key, such as a client id, when no connection decides it. {@link Math#floorMod}
     * keeps the index non-negative for every hash, {@link Integer#MIN_VALUE} included.
     */
    default Loop forKey(String key) {
        List<? extends Loop> all = loops();
        return all.get(Math.floorMod(key.hashCode(), all.size()));
    }
}
