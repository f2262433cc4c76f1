package io.petrel.it;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Collects what a Paho MQTT 5 client receives through its global callback, with the topic exactly as it came
 * off the wire: empty when the server sent only a topic alias.
 */
public final class Paho5Inbox implements MqttCallback {
    /**
     * One PUBLISH.
     *
     * @param topic the topic name as sent, empty when replaced by an alias
     * @param message the message with its properties
     */
    public record Arrived(String topic, MqttMessage message) {
    }

    private final BlockingQueue<Arrived> arrived = new LinkedBlockingQueue<>();

    /** The next message, waiting up to 10 seconds for it. */
    public Arrived next() throws InterruptedException {
        Arrived next = arrived.poll(10, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no message arrived within 10 seconds");
        }
        return next;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        arrived.add(new Arrived(topic, message));
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }
}
