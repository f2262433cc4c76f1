package io.petrel.security.limit;

import io.petrel.api.limit.ClientLimits;

/**
 * The limits on connected clients; 0 turns a limit off.
 *
 * @param maxConnections connections at once, over all organizations
 * @param maxConnectionsPerOrganization connections at once in one organization
 * @param maxConnectionsPerUser connections at once with one identity (user name, token subject, device)
 * @param publishMessagesPerSecond PUBLISH packets one client may send per second, with a burst of as many
 * @param publishBytesPerSecond payload bytes one client may publish per second, with a burst of as many
 * @param quotaAction what happens to a PUBLISH over the rate
 * @param maxSubscriptions subscriptions one session may hold
 * @param maxTopicLength longest topic name or filter, in characters
 * @param maxTopicLevels most levels in a topic name or filter
 * @param maxRetainedPerOrganization retained messages one organization may hold
 */
public record LimitsConfig(int maxConnections, int maxConnectionsPerOrganization, int maxConnectionsPerUser,
        int publishMessagesPerSecond, long publishBytesPerSecond, ClientLimits.QuotaAction quotaAction,
        int maxSubscriptions, int maxTopicLength, int maxTopicLevels, int maxRetainedPerOrganization) {

    /** No limits at all. */
    public static LimitsConfig none() {
        return new LimitsConfig(0, 0, 0, 0, 0, ClientLimits.QuotaAction.REFUSE, 0, 0, 0, 0);
    }
}
