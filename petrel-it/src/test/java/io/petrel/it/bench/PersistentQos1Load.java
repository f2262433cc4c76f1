package io.petrel.it.bench;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * QoS 1 load to persistent sessions, the same for every broker it is pointed at: publishers keep a window of
 * unacknowledged QoS 1 PUBLISH packets each, subscribers hold persistent sessions (expiry one hour) subscribed
 * at QoS 1 to everything the publishers send. Reports acknowledged publishes and deliveries per second over
 * the measured interval, after a warm-up. Every loop stops by itself.
 *
 * <p>Usage: {@code PersistentQos1Load HOST PORT PUBLISHERS SUBSCRIBERS WINDOW WARMUP_S MEASURE_S}.
 */
public final class PersistentQos1Load {
    private static final byte[] PAYLOAD = new byte[64];

    private PersistentQos1Load() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int publishers = Integer.parseInt(args[2]);
        int subscribers = Integer.parseInt(args[3]);
        int window = Integer.parseInt(args[4]);
        long warmup = Long.parseLong(args[5]);
        long measure = Long.parseLong(args[6]);
        String run = Long.toString(System.nanoTime(), 36);
        LongAdder delivered = new LongAdder();
        LongAdder acked = new LongAdder();
        List<Mqtt5AsyncClient> clients = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            Mqtt5AsyncClient sub = client(host, port, "load-sub-" + run + "-" + i);
            sub.publishes(MqttGlobalPublishFilter.ALL, publish -> delivered.increment());
            sub.connectWith().cleanStart(true).sessionExpiryInterval(3600).send().get(30, TimeUnit.SECONDS);
            sub.subscribeWith().topicFilter("load/" + run + "/#").qos(MqttQos.AT_LEAST_ONCE).send()
                    .get(30, TimeUnit.SECONDS);
            clients.add(sub);
        }
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < publishers; i++) {
            Mqtt5AsyncClient pub = client(host, port, "load-pub-" + run + "-" + i);
            pub.connectWith().cleanStart(true).send().get(30, TimeUnit.SECONDS);
            clients.add(pub);
            String topic = "load/" + run + "/" + i;
            threads.add(Thread.ofPlatform().start(() -> {
                Semaphore credits = new Semaphore(window);
                while (running.get()) {
                    try {
                        if (!credits.tryAcquire(1, TimeUnit.SECONDS)) {
                            continue;
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                    pub.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(PAYLOAD).send()
                            .whenComplete((result, failure) -> {
                                if (failure == null) {
                                    acked.increment();
                                }
                                credits.release();
                            });
                }
            }));
        }
        TimeUnit.SECONDS.sleep(warmup);
        long acked0 = acked.sum();
        long delivered0 = delivered.sum();
        long started = System.nanoTime();
        TimeUnit.SECONDS.sleep(measure);
        double seconds = (System.nanoTime() - started) / 1e9;
        long ackedN = acked.sum() - acked0;
        long deliveredN = delivered.sum() - delivered0;
        running.set(false);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        System.out.println(String.format(Locale.ROOT, "%,.0f publishes/s acknowledged, %,.0f deliveries/s "
                + "(%d publishers, %d persistent subscribers, window %d, %.0f s)", ackedN / seconds,
                deliveredN / seconds, publishers, subscribers, window, seconds));
        for (Mqtt5AsyncClient c : clients) {
            c.disconnectWith().sessionExpiryInterval(0).send();
        }
    }

    private static Mqtt5AsyncClient client(String host, int port, String id) {
        return MqttClient.builder().useMqttVersion5().identifier(id).serverHost(host).serverPort(port).buildAsync();
    }
}
