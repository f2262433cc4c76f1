package io.petrel.server.rest.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.petrel.api.store.platform.Device;
import io.petrel.platform.DevicePlatform;
import io.petrel.security.Security;
import io.petrel.server.rest.ApiError;
import io.petrel.server.rest.Call;
import io.petrel.server.rest.auth.AdminLogins;
import io.petrel.server.rest.auth.ApiKeys;
import io.petrel.server.rest.auth.LoginSessions;
import java.time.InstantSource;
import java.util.UUID;

/**
 * What the resources work with.
 *
 * @param platform the device platform
 * @param security org tokens and their revocation
 * @param admins admin passwords
 * @param sessions admins' session tokens
 * @param apiKeys API keys
 * @param clock the wall clock
 * @param mapper writes and reads JSON
 */
public record RestContext(DevicePlatform platform, Security security, AdminLogins admins, LoginSessions sessions,
        ApiKeys apiKeys, InstantSource clock, ObjectMapper mapper) {

    /**
     * The device of a call's {@code deviceId}.
     *
     * @throws ApiError 404 if it does not exist, or belongs to an organization the caller may not act in
     */
    public Device device(Call call) {
        UUID id = call.uuid("deviceId");
        return platform.registry().device(id)
                .filter(device -> call.caller().mayActIn(device.organization()))
                .orElseThrow(() -> ApiError.notFound("no device " + id));
    }

    /**
     * The id of a call's {@code org}, which exists and which the caller may act in.
     *
     * @throws ApiError 403 if the caller may not act in it, 404 if it does not exist
     */
    public String organization(Call call) {
        String org = call.path("org");
        call.requireOrganization(org);
        if (platform.registry().organization(org).isEmpty()) {
            throw ApiError.notFound("no organization '" + org + "'");
        }
        return org;
    }
}
