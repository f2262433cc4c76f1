package io.petrel.it.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every REST answer, bad requests included, is counted in /metrics by operation and status. */
class RestMetricsIT {
    @RegisterExtension
    static final RestServerExtension server = new RestServerExtension();

    @Test
    void badRequestsAreCountedPerOperationAndStatus() throws Exception {
        RestClient admin = server.admin();
        double before = count("createDevice", 400);
        admin.post("/api/v1/organizations/default/devices", "{\"name\":1}");
        admin.post("/api/v1/organizations/default/devices", "{}");
        assertThat(count("createDevice", 400)).isEqualTo(before + 2);

        admin.post("/api/v1/organizations/default/devices", "{\"name\":\"counted\"}");
        assertThat(count("createDevice", 201)).isEqualTo(1);
        server.anonymous().get("/api/v1/organizations");
        assertThat(count("listOrganizations", 401)).isEqualTo(1);
        admin.get("/api/v1/nothing-here");
        assertThat(count("none", 404)).isEqualTo(1);
    }

    private static double count(String operation, int status) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.petrel().httpUrl() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher line = Pattern.compile("petrel_rest_responses_total\\{operation=\"" + operation + "\",status=\""
                + status + "\"} (\\S+)").matcher(metrics.body());
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
