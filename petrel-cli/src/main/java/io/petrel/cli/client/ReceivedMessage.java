package io.petrel.cli.client;

/** A message the broker delivered, with the time it arrived. */
public record ReceivedMessage(String topic, byte[] payload, int qos, boolean retain,
        MessageOptions.Properties properties, long receivedAtMillis) {
}
