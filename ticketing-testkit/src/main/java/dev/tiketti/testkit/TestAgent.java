package dev.tiketti.testkit;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.AgentId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A handler for test scenarios, written {@code agent("maija").withRoles("hr")}; turns into the
 * {@link Actor} that takes a transition or the {@link AgentId} a ticket is assigned to.
 *
 * @param id    the agent id, e.g. a user name
 * @param roles the roles the agent holds
 * @since 0.1
 */
public record TestAgent(String id, Set<String> roles) {
    public TestAgent {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("agent id must not be blank");
        }
        roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
    }

    /** A copy that also holds {@code more} roles. */
    public TestAgent withRoles(String... more) {
        Set<String> all = new LinkedHashSet<>(roles);
        all.addAll(List.of(more));
        return new TestAgent(id, all);
    }

    /** This agent as the actor of a request. */
    public Actor toActor() {
        return new Actor(Actor.Kind.AGENT, id, roles);
    }

    /** This agent's id, for assignments. */
    public AgentId agentId() {
        return new AgentId(id);
    }
}
