package io.petrel.cli.client;

/** A message to publish. */
public record OutgoingMessage(String topic, byte[] payload, int qos, boolean retain, MessageOptions.Properties properties) {
}
