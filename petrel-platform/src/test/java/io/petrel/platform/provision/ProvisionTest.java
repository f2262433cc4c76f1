package io.petrel.platform.provision;

import static io.petrel.platform.testing.PlatformFixture.publish;
import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.Principal;
import io.petrel.api.auth.ConnectAttempt;
import io.petrel.api.store.platform.AttributeScope;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.KvValue;
import io.petrel.api.store.platform.PayloadType;
import io.petrel.api.store.platform.ProvisionStrategy;
import io.petrel.platform.api.OpenDecision;
import io.petrel.platform.api.PlatformSession;
import io.petrel.platform.api.PublishDecision;
import io.petrel.platform.api.ReasonCode;
import io.petrel.platform.api.Subscription;
import io.petrel.platform.auth.DeviceLogin;
import io.petrel.platform.registry.NewDevice;
import io.petrel.platform.registry.NewProfile;
import io.petrel.platform.testing.PlatformFixture;
import io.petrel.platform.testing.RecordingDownlink;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Provision-only sessions and device provisioning, device-api.md §1.4 and §12. */
class ProvisionTest {
    private final PlatformFixture fixture = new PlatformFixture();
    private final RecordingDownlink downlink = new RecordingDownlink();
    private PlatformSession session;

    @BeforeEach
    void setUp() {
        fixture.platform.registry().createProfile(new NewProfile("acme", "auto", PayloadType.JSON,
                ProvisionStrategy.ALLOW_CREATE_NEW_DEVICES, "create-key", "create-secret")).value();
        fixture.platform.registry().createProfile(new NewProfile("acme", "pre", PayloadType.JSON,
                ProvisionStrategy.CHECK_PRE_PROVISIONED_DEVICES, "pre-key", "pre-secret")).value();
        session = ((OpenDecision.Open) PlatformFixture.join(fixture.platform.open(Principal.provisionOnly(), 5,
                downlink))).session();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private String provision(String request) {
        PublishDecision decision = publish(session, "/provision/request", request, 1);
        assertThat(decision.puback()).isEqualTo(ReasonCode.SUCCESS);
        assertThat(decision.then()).hasSize(1);
        assertThat(decision.then().get(0).topic()).isEqualTo("/provision/response");
        return new String(decision.then().get(0).payload(), StandardCharsets.UTF_8);
    }

    @Test
    void aNewDeviceIsCreatedWithItsOwnTokenAndCanLogIn() {
        assertThat(provision("{\"deviceName\": \"  sensor-17 \", \"provisionDeviceKey\": \"create-key\", "
                + "\"provisionDeviceSecret\": \"create-secret\", \"credentialsType\": \"ACCESS_TOKEN\", "
                + "\"token\": \"my-own-token\"}"))
                .isEqualTo("{\"credentialsType\":\"ACCESS_TOKEN\",\"credentialsValue\":\"my-own-token\",\"status\":\"SUCCESS\"}");
        Device device = fixture.platform.registry().deviceByName("acme", "sensor-17").orElseThrow();
        assertThat(fixture.attributes(device.id(), AttributeScope.SERVER)).anySatisfy(attribute -> {
            assertThat(attribute.key()).isEqualTo("provisionState");
            assertThat(attribute.value()).isEqualTo(KvValue.of("provisioned"));
        });
        DeviceLogin login = PlatformFixture.join(fixture.platform.authenticator().login(new ConnectAttempt("c",
                "my-own-token", null, InetSocketAddress.createUnresolved("127.0.0.1", 1), "tcp", 5)));
        assertThat(((DeviceLogin.Accepted) login).principal().name()).isEqualTo("sensor-17");
    }

    @Test
    void mqttBasicCredentialsAnswerWithUserNameSpelledTheOtherWay() {
        assertThat(provision("{\"deviceName\": \"b\", \"provisionDeviceKey\": \"create-key\", "
                + "\"provisionDeviceSecret\": \"create-secret\", \"credentialsType\": \"MQTT_BASIC\", "
                + "\"clientId\": \"c1\", \"username\": \"u1\", \"password\": \"p1\"}"))
                .isEqualTo("{\"credentialsType\":\"MQTT_BASIC\",\"credentialsValue\":{\"clientId\":\"c1\","
                        + "\"userName\":\"u1\",\"password\":\"p1\"},\"status\":\"SUCCESS\"}");
    }

    @Test
    void aMissingNameIsGeneratedAndAMissingTokenToo() {
        String answer = provision("{\"provisionDeviceKey\": \"create-key\", \"provisionDeviceSecret\": \"create-secret\"}");
        assertThat(answer).matches("\\{\"credentialsType\":\"ACCESS_TOKEN\",\"credentialsValue\":\"[A-Za-z0-9]{20}\","
                + "\"status\":\"SUCCESS\"}");
        assertThat(fixture.platform.registry().store().countDevices("acme")).isEqualTo(1);
    }

    @Test
    void wrongKeysAndSecretsAreNotFound() {
        String notFound = "{\"errorMsg\":\"Provision data was not found!\",\"status\":\"NOT_FOUND\"}";
        assertThat(provision("{\"provisionDeviceKey\": \"create-key\", \"provisionDeviceSecret\": \"wrong\"}"))
                .isEqualTo(notFound);
        assertThat(provision("{\"provisionDeviceKey\": \"nope\", \"provisionDeviceSecret\": \"create-secret\"}"))
                .isEqualTo(notFound);
        assertThat(provision("{\"deviceName\": \"x\"}")).isEqualTo(notFound);
    }

    @Test
    void takenNamesTakenTokensAndBlankNamesFail() {
        String failure = "{\"errorMsg\":\"Failed to provision device!\",\"status\":\"FAILURE\"}";
        fixture.device("taken");
        assertThat(provision("{\"deviceName\": \"taken\", \"provisionDeviceKey\": \"create-key\", "
                + "\"provisionDeviceSecret\": \"create-secret\"}")).isEqualTo(failure);
        assertThat(provision("{\"deviceName\": \"   \", \"provisionDeviceKey\": \"create-key\", "
                + "\"provisionDeviceSecret\": \"create-secret\"}")).isEqualTo(failure);
        provision("{\"deviceName\": \"one\", \"provisionDeviceKey\": \"create-key\", "
                + "\"provisionDeviceSecret\": \"create-secret\", \"token\": \"T\"}");
        assertThat(provision("{\"deviceName\": \"two\", \"provisionDeviceKey\": \"create-key\", "
                + "\"provisionDeviceSecret\": \"create-secret\", \"token\": \"T\"}")).isEqualTo(failure);
        assertThat(fixture.platform.registry().deviceByName("acme", "two")).as("no device left behind").isEmpty();
    }

    @Test
    void preProvisionedDevicesGetTheirCredentialsOnce() {
        Device device = fixture.platform.registry()
                .createDevice(new NewDevice("acme", "pre-1", "pre", null, false, null)).value();
        String token = fixture.platform.registry().credentials(device.id()).orElseThrow().value();
        String request = "{\"deviceName\": \"pre-1\", \"provisionDeviceKey\": \"pre-key\", "
                + "\"provisionDeviceSecret\": \"pre-secret\"}";
        assertThat(provision(request)).isEqualTo(
                "{\"credentialsType\":\"ACCESS_TOKEN\",\"credentialsValue\":\"" + token + "\",\"status\":\"SUCCESS\"}");
        assertThat(provision(request)).contains("FAILURE");
        assertThat(provision("{\"deviceName\": \"unknown\", \"provisionDeviceKey\": \"pre-key\", "
                + "\"provisionDeviceSecret\": \"pre-secret\"}")).contains("FAILURE");
    }

    @Test
    void onlyTheResponseTopicMayBeSubscribedAndTheSessionClosesAMinuteAfterTheAnswer() {
        assertThat(session.onSubscribe(List.of(new Subscription("/provision/response", 1), new Subscription("#", 0)))
                .codes()).containsExactly(1, 0x8F);
        provision("{\"provisionDeviceKey\": \"create-key\", \"provisionDeviceSecret\": \"create-secret\"}");
        fixture.time.advance(59_999);
        assertThat(downlink.closedWith()).isNull();
        fixture.time.advance(1);
        assertThat(downlink.closedWith()).isEqualTo(ReasonCode.SUCCESS);
    }

    @Test
    void aPayloadThatIsNoObjectIsAPayloadError() {
        assertThat(publish(session, "/provision/request", "[]", 1).puback()).isEqualTo(ReasonCode.PAYLOAD_FORMAT_INVALID);
    }
}
