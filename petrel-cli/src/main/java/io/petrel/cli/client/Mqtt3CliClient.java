package io.petrel.cli.client;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3Connect;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3ConnectBuilder;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscribe;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3SubscribeBuilder;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A {@link CliClient} speaking MQTT 3.1.1, which has no properties and no reason codes on PUBACK. */
final class Mqtt3CliClient implements CliClient {
    private final Mqtt3AsyncClient client;

    private Mqtt3CliClient(Mqtt3AsyncClient client) {
        this.client = client;
    }

    static CliClient connect(Mqtt3ClientBuilder builder, ConnectionOptions options, Endpoint endpoint,
            Consumer<ReceivedMessage> onMessage) throws ClientFailure {
        Mqtt3AsyncClient client = builder.buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, publish -> onMessage.accept(new ReceivedMessage(
                publish.getTopic().toString(), publish.getPayloadAsBytes(), publish.getQos().getCode(),
                publish.isRetain(), MessageOptions.Properties.NONE, System.currentTimeMillis())));
        Mqtt3ConnectBuilder connect = Mqtt3Connect.builder()
                .cleanSession(!options.persistent())
                .keepAlive(options.keepAlive());
        if (options.username() != null) {
            var auth = connect.simpleAuth().username(options.username());
            if (options.password() != null) {
                auth = auth.password(options.password().getBytes(StandardCharsets.UTF_8));
            }
            connect = auth.applySimpleAuth();
        }
        ConnectionOptions.WillOptions will = options.will();
        if (will != null) {
            connect = connect.willPublish().topic(will.topic).payload(will.payload.getBytes(StandardCharsets.UTF_8))
                    .qos(MqttQos.fromCode(will.qos)).retain(will.retain).applyWillPublish();
        }
        Failures.awaitConnect(client.connect(connect.build()), options.connectTimeout(), endpoint);
        return new Mqtt3CliClient(client);
    }

    @Override
    public CompletableFuture<Void> publish(OutgoingMessage message) {
        if (!message.properties().isEmpty()) {
            return CompletableFuture.failedFuture(new ClientFailure(ExitCodes.USAGE,
                    "MQTT 5 properties need -V 5"));
        }
        Mqtt3Publish publish = Mqtt3Publish.builder().topic(message.topic()).payload(message.payload())
                .qos(MqttQos.fromCode(message.qos())).retain(message.retain()).build();
        return client.publish(publish).handle((result, error) -> {
            if (error != null) {
                throw new CompletionException(Failures.rejected(error, "publish to '" + message.topic() + "'"));
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> subscribe(List<String> filters, int qos) {
        Mqtt3SubscribeBuilder.Start subscribe = Mqtt3Subscribe.builder();
        Mqtt3SubscribeBuilder.Complete complete = null;
        for (String filter : filters) {
            complete = (complete == null ? subscribe : complete).addSubscription()
                    .topicFilter(filter).qos(MqttQos.fromCode(qos)).applySubscription();
        }
        return client.subscribe(complete.build()).handle((ack, error) -> {
            if (error != null) {
                throw new CompletionException(Failures.rejected(error, "subscription"));
            }
            List<Mqtt3SubAckReturnCode> codes = ack.getReturnCodes();
            for (int i = 0; i < codes.size(); i++) {
                if (codes.get(i).isError()) {
                    throw new CompletionException(Failures.rejected("subscription to '" + filters.get(i) + "'",
                            "failure (0x80)"));
                }
            }
            return null;
        });
    }

    @Override
    public void close() {
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Already gone: nothing left to close.
        }
    }
}
