package io.petrel.cli.bench;

/**
 * What each publisher sends.
 *
 * @param qos the QoS of every message
 * @param size the payload size in bytes, header included
 * @param ratePerSecond messages per second per publisher; 0 for as fast as flow control allows
 * @param count messages per publisher; 0 for as many as the duration allows
 * @param window the most unacknowledged QoS 1 or 2 messages per publisher
 */
record PublishSettings(int qos, int size, double ratePerSecond, long count, int window) {
}
