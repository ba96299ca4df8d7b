package dev.tiketti.core.common;

import java.util.Set;

/**
 * Who performs an action: a handler with roles, the requester, or the system itself.
 * Recorded in the history and checked by role guards.
 *
 * @since 0.1
 */
public record Actor(Kind kind, String id, Set<String> roles) {

    /** What sort of actor this is. */
    public enum Kind { AGENT, CONTACT, SYSTEM }

    private static final Actor SYSTEM = new Actor(Kind.SYSTEM, "system", Set.of());

    public Actor {
        Require.nonNull(kind, "actor kind");
        Require.notBlank(id, "actor id");
        Require.nonNull(roles, "roles");
        for (String role : roles) {
            Require.notBlank(role, "role");
        }
        roles = Set.copyOf(roles);
    }

    /** A team member with the given roles, e.g. {@code Actor.agent("maija", "hr-lead")}. */
    public static Actor agent(String id, String... roles) {
        Require.nonNull(roles, "roles");
        Set<String> distinct = new java.util.LinkedHashSet<>();
        for (String role : roles) {
            distinct.add(Require.notBlank(role, "role"));
        }
        return new Actor(Kind.AGENT, id, distinct);
    }

    /** The requester acting for themselves (e.g. replying by mail). */
    public static Actor contact(ContactId id) {
        return new Actor(Kind.CONTACT, Require.nonNull(id, "contact id").toString(), Set.of());
    }

    /** Tiketti itself (timers, intake). */
    public static Actor system() {
        return SYSTEM;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The agent id, when this actor is an agent. */
    public java.util.Optional<AgentId> agentId() {
        return kind == Kind.AGENT ? java.util.Optional.of(new AgentId(id)) : java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
