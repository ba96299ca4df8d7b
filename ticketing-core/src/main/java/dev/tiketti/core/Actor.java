package dev.tiketti.core;

import dev.tiketti.core.internal.Require;
import java.util.Objects;
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
        Objects.requireNonNull(kind, "kind");
        Require.notBlank(id, "actor id");
        roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
    }

    /** A team member with the given roles, e.g. {@code Actor.agent("maija", "hr-lead")}. */
    public static Actor agent(String id, String... roles) {
        return new Actor(Kind.AGENT, id, Set.of(roles));
    }

    /** The requester acting for themselves (e.g. replying by mail). */
    public static Actor contact(ContactId id) {
        return new Actor(Kind.CONTACT, id.toString(), Set.of());
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
