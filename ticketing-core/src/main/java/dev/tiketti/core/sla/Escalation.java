package dev.tiketti.core.sla;

import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.Require;
import java.util.Optional;

/**
 * An effect of an SLA warning or breach: tell the team lead, raise the priority, reassign. Data
 * only; the SLA timers apply it (idempotently) when the warning or breach fires.
 *
 * @since 0.1
 */
public sealed interface Escalation {

    /** Notify the lead of the ticket's team. */
    static Escalation notifyTeamLead() {
        return new NotifyTeamLead();
    }

    /** Raise the priority one level (never above {@link Priority#URGENT}). */
    static Escalation raisePriority() {
        return new RaisePriority(1);
    }

    /** Raise the priority by {@code levels} (1-3; never above {@link Priority#URGENT}). */
    static Escalation raisePriority(int levels) {
        return new RaisePriority(levels);
    }

    /** Reassign to the team lead. */
    static Escalation reassignToTeamLead() {
        return new Reassign(Reassign.Target.TEAM_LEAD, Optional.empty());
    }

    /** Reassign to the assignee's pair (stand-in). */
    static Escalation reassignToPair() {
        return new Reassign(Reassign.Target.PAIR, Optional.empty());
    }

    /** Reassign to a named agent. */
    static Escalation reassignTo(String agent) {
        return new Reassign(Reassign.Target.AGENT, Optional.of(new AgentId(agent)));
    }

    /**
     * Notify the lead of the ticket's team.
     *
     * @since 0.1
     */
    record NotifyTeamLead() implements Escalation {
    }

    /**
     * Raise the ticket's priority by some levels, stopping at {@link Priority#URGENT}.
     *
     * @param levels how many levels, 1-3
     * @since 0.1
     */
    record RaisePriority(int levels) implements Escalation {
        /** Checks the number of levels. */
        public RaisePriority {
            if (levels < 1 || levels > Priority.values().length - 1) {
                throw SlaMessages.raiseLevels(levels, Priority.values().length - 1);
            }
        }

        /** The priority after raising {@code current}. */
        public Priority applyTo(Priority current) {
            Require.nonNull(current, "current");
            Priority[] all = Priority.values();
            return all[Math.min(all.length - 1, current.ordinal() + levels)];
        }
    }

    /**
     * Reassign the ticket to the team lead, the assignee's pair or a named agent.
     *
     * @param target whom to
     * @param agent  the agent, present exactly when {@code target} is {@link Target#AGENT}
     * @since 0.1
     */
    record Reassign(Target target, Optional<AgentId> agent) implements Escalation {
        /** Checks that an agent is named exactly when the target is an agent. */
        public Reassign {
            Require.nonNull(target, "target");
            Require.nonNull(agent, "agent");
            if ((target == Target.AGENT) != agent.isPresent()) {
                throw target == Target.AGENT ? SlaMessages.reassignWithoutAgent()
                        : SlaMessages.reassignNamesAgent(target);
            }
        }

        /** Whom a ticket is reassigned to. */
        public enum Target {
            /** The lead of the ticket's team. */
            TEAM_LEAD,
            /** The current assignee's pair (stand-in). */
            PAIR,
            /** A named agent. */
            AGENT
        }
    }
}
