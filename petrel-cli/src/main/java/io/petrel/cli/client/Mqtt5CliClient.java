package io.petrel.cli.client;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserPropertiesBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5SubscribeBuilder;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A {@link CliClient} speaking MQTT 5. */
final class Mqtt5CliClient implements CliClient {
    private final Mqtt5AsyncClient client;

    private Mqtt5CliClient(Mqtt5AsyncClient client) {
        this.client = client;
    }

    static CliClient connect(Mqtt5ClientBuilder builder, ConnectionOptions options, Endpoint endpoint,
            Consumer<ReceivedMessage> onMessage) throws ClientFailure {
        Mqtt5AsyncClient client = builder.buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, publish -> onMessage.accept(received(publish)));
        Mqtt5ConnectBuilder connect = Mqtt5Connect.builder()
                .cleanStart(!options.persistent())
                .keepAlive(options.keepAlive())
                .sessionExpiryInterval(options.sessionExpirySeconds());
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
                    .qos(qos(will.qos)).retain(will.retain).applyWillPublish();
        }
        Failures.awaitConnect(client.connect(connect.build()), options.connectTimeout(), endpoint);
        return new Mqtt5CliClient(client);
    }

    @Override
    public CompletableFuture<Void> publish(OutgoingMessage message) {
        MessageOptions.Properties p = message.properties();
        Mqtt5PublishBuilder.Complete publish = Mqtt5Publish.builder().topic(message.topic()).payload(message.payload())
                .qos(qos(message.qos())).retain(message.retain());
        if (!p.userProperties().isEmpty()) {
            Mqtt5UserPropertiesBuilder user = Mqtt5UserProperties.builder();
            for (MessageOptions.UserProperty property : p.userProperties()) {
                user = user.add(property.name(), property.value());
            }
            publish = publish.userProperties(user.build());
        }
        if (p.responseTopic() != null) {
            publish = publish.responseTopic(p.responseTopic());
        }
        if (p.correlationData() != null) {
            publish = publish.correlationData(p.correlationData());
        }
        if (p.messageExpiry() != null) {
            publish = publish.messageExpiryInterval(p.messageExpiry());
        }
        if (p.contentType() != null) {
            publish = publish.contentType(p.contentType());
        }
        return client.publish(publish.build()).handle((result, error) -> {
            Throwable failure = error != null ? error : result.getError().orElse(null);
            if (failure != null) {
                throw new CompletionException(Failures.rejected(failure,
                        "publish to '" + message.topic() + "'"));
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> subscribe(List<String> filters, int qos) {
        Mqtt5SubscribeBuilder.Start subscribe = Mqtt5Subscribe.builder();
        Mqtt5SubscribeBuilder.Complete complete = null;
        for (String filter : filters) {
            complete = (complete == null ? subscribe : complete).addSubscription()
                    .topicFilter(filter).qos(qos(qos)).applySubscription();
        }
        return client.subscribe(complete.build()).handle((ack, error) -> {
            if (error != null && Failures.unwrap(error) instanceof Mqtt5SubAckException refused) {
                checkCodes(refused.getMqttMessage().getReasonCodes(), filters);
            }
            if (error != null) {
                throw new CompletionException(Failures.rejected(error, "subscription"));
            }
            checkCodes(ack.getReasonCodes(), filters);
            return null;
        });
    }

    private static void checkCodes(List<Mqtt5SubAckReasonCode> codes, List<String> filters) {
        for (int i = 0; i < codes.size() && i < filters.size(); i++) {
            if (codes.get(i).isError()) {
                throw new CompletionException(Failures.rejected("subscription to '" + filters.get(i) + "'",
                        Failures.words(codes.get(i))));
            }
        }
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

    private static MqttQos qos(int qos) {
        return MqttQos.fromCode(qos);
    }

    private static ReceivedMessage received(Mqtt5Publish publish) {
        List<MessageOptions.UserProperty> user = publish.getUserProperties().asList().stream()
                .map(u -> new MessageOptions.UserProperty(u.getName().toString(), u.getValue().toString()))
                .toList();
        MessageOptions.Properties properties = new MessageOptions.Properties(user,
                publish.getResponseTopic().map(Object::toString).orElse(null),
                publish.getCorrelationData().map(Mqtt5CliClient::bytes).orElse(null),
                publish.getMessageExpiryInterval().isPresent() ? publish.getMessageExpiryInterval().getAsLong() : null,
                publish.getContentType().map(Object::toString).orElse(null),
                publish.getPayloadFormatIndicator().orElse(null) == Mqtt5PayloadFormatIndicator.UTF_8);
        return new ReceivedMessage(publish.getTopic().toString(), publish.getPayloadAsBytes(),
                publish.getQos().getCode(), publish.isRetain(), properties, System.currentTimeMillis());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
