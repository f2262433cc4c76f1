package io.petrel.engine.session;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * Encoded forms of one published message, shared by every subscriber it fans out to, so that a message
 * going to many subscribers in the same wire form is encoded once. The transport decides what a slot means;
 * the engine only carries the cache from the publisher's thread to each subscriber's.
 *
 * <p>Concurrency: subscribers on different loops may encode the same slot at the same time; the first
 * stored form wins and both are correct.
 */
public final class WireCache {
    /** How many distinct forms the transport may keep. */
    public static final int SLOTS = 8;

    private final AtomicReferenceArray<byte[]> forms = new AtomicReferenceArray<>(SLOTS);

    /** The encoded form in a slot, or null. */
    public byte @Nullable [] get(int slot) {
        return forms.get(slot);
    }

    /** Stores an encoded form unless another thread stored one first; returns the stored form. */
    public byte[] putIfAbsent(int slot, byte[] form) {
        byte[] existing = forms.compareAndExchange(slot, null, form);
        return existing == null ? form : existing;
    }
}
