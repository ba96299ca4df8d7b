package dev.tiketti.testkit.explore;

import dev.tiketti.testkit.TestAgent;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who attempts a transition in an exploration: an agent with roles, the ticket's requester, or
 * the system.
 *
 * @param kind  which of the three
 * @param agent the agent, for {@link Kind#AGENT}
 * @since 0.1
 */
public record Who(Kind kind, Optional<TestAgent> agent) {
    /** The three kinds of actor an exploration uses. */
    public enum Kind {
        /** A handler, with the roles of its {@link TestAgent}. */
        AGENT,
        /** The ticket's (invented) requester. */
        REQUESTER,
        /** The system (no roles). */
        SYSTEM
    }

    public Who {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(agent, "agent");
        if (agent.isPresent() != (kind == Kind.AGENT)) {
            throw new IllegalArgumentException("an agent is given exactly when the kind is AGENT");
        }
    }

    /** The agent {@code agent}. */
    public static Who agent(TestAgent agent) {
        return new Who(Kind.AGENT, Optional.of(agent));
    }

    /** The ticket's requester. */
    public static Who requester() {
        return new Who(Kind.REQUESTER, Optional.empty());
    }

    /** The system. */
    public static Who system() {
        return new Who(Kind.SYSTEM, Optional.empty());
    }

    @Override
    public String toString() {
        return switch (kind) {
            case AGENT -> "agent '" + agent.orElseThrow().id() + "' " + new TreeSet<>(agent.orElseThrow().roles());
            case REQUESTER -> "the requester";
            case SYSTEM -> "the system";
        };
    }
}
