package io.petrel.security.acl;

import io.petrel.api.ClientInfo;
import io.petrel.api.Principal;
import io.petrel.api.auth.Authorizer;
import io.petrel.api.auth.TopicScope;
import io.petrel.api.topic.Topics;
import io.petrel.security.SecurityMetrics;
import java.util.List;
import java.util.function.Supplier;

/**
 * Decides PUBLISH and SUBSCRIBE from ACL rules and the client's token scope. Topics are those the client uses,
 * relative to its organization.
 *
 * <ul>
 *   <li>Operators may do anything.</li>
 *   <li>A scoped principal (an org token) must be allowed by its scope <em>and</em> by the rules: the scope
 *       narrows the rules, never widens them.</li>
 *   <li>Without any rule, everything the scope allows is allowed. With rules, a matching deny rule wins, then
 *       a matching allow rule allows, and anything else is denied.</li>
 * </ul>
 *
 * <p>A subscription is allowed only if an allowed filter <em>covers</em> it (every topic it matches is
 * allowed) and no deny rule overlaps it. A filter wider than what is allowed, such as {@code #} for a client
 * allowed {@code device/+/status}, is refused with 0x87 rather than granted and trimmed at delivery: a granted
 * subscription promises every matching message, and trimming would both break that promise silently and cost
 * an ACL check per delivered message. Mosquitto refuses such filters too. A client learns what it may
 * subscribe to from the SUBACK's reason and asks for exactly that.
 *
 * <p>Every refusal is counted. Rules are read from a supplier, so a reloaded file takes effect at once.
 */
public final class AclAuthorizer implements Authorizer {
    private final Supplier<List<AclRule>> rules;
    private final SecurityMetrics metrics;

    public AclAuthorizer(Supplier<List<AclRule>> rules, SecurityMetrics metrics) {
        this.rules = rules;
        this.metrics = metrics;
    }

    @Override
    public boolean mayPublish(ClientInfo client, String topic) {
        Principal principal = client.principal();
        if (principal.operator()) {
            return true;
        }
        TopicScope scope = principal.scope();
        if (scope != null && !scope.mayPublish(topic)) {
            metrics.count("denied_publish_scope");
            return false;
        }
        if (!decide(client, topic, true)) {
            metrics.count("denied_publish_acl");
            return false;
        }
        return true;
    }

    @Override
    public boolean maySubscribe(ClientInfo client, String filter) {
        Principal principal = client.principal();
        if (principal.operator()) {
            return true;
        }
        TopicScope scope = principal.scope();
        if (scope != null && !scope.maySubscribe(filter)) {
            metrics.count("denied_subscribe_scope");
            return false;
        }
        if (!decide(client, filter, false)) {
            metrics.count("denied_subscribe_acl");
            return false;
        }
        return true;
    }

    private boolean decide(ClientInfo client, String topicOrFilter, boolean publish) {
        List<AclRule> all = rules.get();
        if (all.isEmpty()) {
            return true;
        }
        boolean allowed = false;
        for (AclRule rule : all) {
            if (!(publish ? rule.publish() : rule.subscribe()) || !rule.appliesTo(client)) {
                continue;
            }
            String pattern = rule.resolve(client);
            if (!rule.allow()) {
                // A deny rule whose placeholders cannot be filled safely denies everything it could mean.
                if (pattern == null || (publish ? Topics.matches(pattern, topicOrFilter)
                        : Topics.overlaps(pattern, topicOrFilter))) {
                    return false;
                }
            } else if (!allowed && pattern != null
                    && (publish ? Topics.matches(pattern, topicOrFilter) : Topics.covers(pattern, topicOrFilter))) {
                allowed = true;
            }
        }
        return allowed;
    }
}
