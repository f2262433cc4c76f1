package io.petrel.api.store;

import io.petrel.api.Message;

/**
 * A will waiting for its delay to pass.
 *
 * @param clientId the session it belongs to
 * @param message the will message
 * @param publishAtMillis when it is to be published, in epoch milliseconds
 */
public record PendingWill(String clientId, Message message, long publishAtMillis) {
}
