package io.petrel.it.rest;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The JDK's HTTP client, as a program using the REST API would use it. Every response is checked against the
 * server's OpenAPI document before the test sees it.
 */
final class RestClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String baseUrl;
    private final @Nullable String headerName;
    private final @Nullable String headerValue;
    private final @Nullable OpenApiValidator validator;

    private RestClient(String baseUrl, @Nullable String headerName, @Nullable String headerValue,
            @Nullable OpenApiValidator validator) {
        this.baseUrl = baseUrl;
        this.headerName = headerName;
        this.headerValue = headerValue;
        this.validator = validator;
    }

    /** A client without credentials that checks responses against the server's document. */
    static RestClient anonymous(String baseUrl) {
        RestClient bootstrap = new RestClient(baseUrl, null, null, null);
        return new RestClient(baseUrl, null, null, new OpenApiValidator(bootstrap.get("/api/v1/openapi.json").json()));
    }

    RestClient withBearer(String token) {
        return with("Authorization", "Bearer " + token);
    }

    RestClient withBasic(String user, String password) {
        return with("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    RestClient with(String name, String value) {
        return new RestClient(baseUrl, name, value, validator);
    }

    RestClient anonymous() {
        return new RestClient(baseUrl, null, null, validator);
    }

    /** Logs an admin in and returns a client with the session token. */
    RestClient login(String user, String password) {
        Response session = anonymous().post("/api/v1/auth/login",
                "{\"username\":" + quote(user) + ",\"password\":" + quote(password) + "}");
        if (session.status() != 200) {
            fail("login failed: " + session);
        }
        return withBearer(session.json().get("token").asText());
    }

    OpenApiValidator validator() {
        return validator;
    }

    Response get(String path) {
        return send("GET", path, null, null);
    }

    Response post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    Response put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    Response patch(String path, String json) {
        return send("PATCH", path, json, "application/json");
    }

    Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    Response send(String method, String path, @Nullable String body, @Nullable String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headerName != null) {
            request.header(headerName, headerValue);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (validator != null) {
                int query = path.indexOf('?');
                validator.check(method, query < 0 ? path : path.substring(0, query), response.statusCode(),
                        response.body());
            }
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response. */
    record Response(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                return fail("not JSON: " + body);
            }
        }

        /** The message of an error response. */
        String message() {
            return json().path("message").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
