package dev.tiketti.core.workflow;

import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Require;
import java.util.Optional;

/**
 * Something a transition does besides changing the state. Effects apply atomically with the
 * transition; notifications are delivered through the {@code OutboundTransport} after commit.
 *
 * @since 0.1
 */
public sealed interface Effect {

    static Effect setField(String field, String value) {
        return new SetField(field, value);
    }

    static Effect assignToActor() {
        return new Assign(Assign.Target.ACTOR, Optional.empty());
    }

    static Effect assignTo(String agent) {
        return new Assign(Assign.Target.AGENT, Optional.of(new AgentId(agent)));
    }

    static Effect unassign() {
        return new Assign(Assign.Target.NOBODY, Optional.empty());
    }

    static Effect addNote(String text) {
        return new AddNote(text);
    }

    static Effect notify(Notify.Recipient recipient, String template) {
        return new Notify(recipient, template);
    }

    /**
     * Sets a custom field. The value is text, converted to the field's kind when applied
     * (so definitions stay plain JSON); the type's constraints still apply.
     */
    record SetField(String field, String value) implements Effect {
        public SetField {
            Require.name(field, "field name");
            Require.nonNull(value, "value");
        }
    }

    /** Assigns the ticket to the acting agent, to a named agent, or to nobody. */
    record Assign(Target target, Optional<AgentId> agent) implements Effect {
        /** Whom to assign. */
        public enum Target { ACTOR, AGENT, NOBODY }

        public Assign {
            Require.nonNull(target, "target");
            Require.nonNull(agent, "agent");
            Require.argument((target == Target.AGENT) == agent.isPresent(),
                    () -> WorkflowMessages.assignTargetMismatch(target));
        }
    }

    /** Adds an internal note to the timeline. */
    record AddNote(String text) implements Effect {
        public AddNote {
            Require.notBlank(text, "note text");
        }
    }

    /**
     * Sends a message through the outbound transport. The template may use
     * {@code {key}}, {@code {subject}}, {@code {state}} and {@code {transition}}.
     */
    record Notify(Recipient recipient, String template) implements Effect {
        /** Who receives the notification. */
        public enum Recipient { REQUESTER, ASSIGNEE, TEAM }

        public Notify {
            Require.nonNull(recipient, "recipient");
            Require.notBlank(template, "notification template");
        }
    }
}
