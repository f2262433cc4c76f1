package io.petrel.security;

import io.petrel.api.Principal;
import io.petrel.api.topic.Namespace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which organization each user belongs to, and which users are operators. Users listed under no organization
 * belong to the default one.
 */
public final class Organizations {
    private final Map<String, String> organizationOfUser;
    private final Set<String> operators;

    /**
     * @param usersByOrganization the users of each organization
     * @param operators the users that may reach every organization
     * @throws IllegalArgumentException if an organization name is invalid or a user is listed twice
     */
    public Organizations(Map<String, List<String>> usersByOrganization, Set<String> operators) {
        Map<String, String> byUser = new HashMap<>();
        usersByOrganization.forEach((organization, users) -> {
            Namespace.requireValidName(organization);
            for (String user : users) {
                String previous = byUser.put(user, organization);
                if (previous != null && !previous.equals(organization)) {
                    throw new IllegalArgumentException("user " + user + " is listed in organizations " + previous
                            + " and " + organization);
                }
            }
        });
        this.organizationOfUser = Map.copyOf(byUser);
        this.operators = Set.copyOf(operators);
    }

    /** Everyone in the default organization, and no operators. */
    public static Organizations single() {
        return new Organizations(Map.of(), Set.of());
    }

    /** The organization of a user. */
    public String ofUser(String user) {
        return organizationOfUser.getOrDefault(user, Principal.DEFAULT_ORGANIZATION);
    }

    /** Whether a user may reach every organization. */
    public boolean isOperator(String user) {
        return operators.contains(user);
    }
}
