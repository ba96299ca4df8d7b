package dev.tiketti.core.workflow;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.privacy.AssuranceLevel;
import java.util.Optional;

/**
 * A condition a transition requires. A denying guard gives a reason a person can act on;
 * the engine evaluates every guard so all reasons are reported at once.
 *
 * @since 0.1
 */
public sealed interface Guard {

    /** Empty if the guard allows the transition, else the reason it does not. */
    Optional<String> deny(GuardContext context);

    static Guard resolutionRequired() {
        return new ResolutionRequired();
    }

    static Guard fieldRequired(String field) {
        return new FieldRequired(field);
    }

    static Guard actorHasRole(String role) {
        return new ActorHasRole(role);
    }

    static Guard requesterAssurance(AssuranceLevel level) {
        return new RequesterAssurance(level);
    }

    static Guard assigneeRequired() {
        return new AssigneeRequired();
    }

    /** The ticket must carry a non-blank resolution (R2). */
    record ResolutionRequired() implements Guard {
        @Override
        public Optional<String> deny(GuardContext c) {
            return c.ticket().resolution().filter(r -> !r.isBlank()).isPresent() ? Optional.empty()
                    : Optional.of(WorkflowMessages.resolutionRequired());
        }
    }

    /** A custom field must have a value. */
    record FieldRequired(String field) implements Guard {
        public FieldRequired {
            Require.name(field, "field name");
        }

        @Override
        public Optional<String> deny(GuardContext c) {
            return c.ticket().fields().has(field) ? Optional.empty()
                    : Optional.of(WorkflowMessages.fieldRequired(field));
        }
    }

    /** The acting person must hold a role. */
    record ActorHasRole(String role) implements Guard {
        public ActorHasRole {
            Require.notBlank(role, "role");
        }

        @Override
        public Optional<String> deny(GuardContext c) {
            return c.actor().hasRole(role) ? Optional.empty()
                    : Optional.of(WorkflowMessages.roleRequired(role, c.actor()));
        }
    }

    /** The requester must be identified at least at a level (R5: personal matters). */
    record RequesterAssurance(AssuranceLevel level) implements Guard {
        public RequesterAssurance {
            Require.nonNull(level, "level");
        }

        @Override
        public Optional<String> deny(GuardContext c) {
            return c.requesterAssurance().atLeast(level) ? Optional.empty()
                    : Optional.of(WorkflowMessages.assuranceRequired(level, c.requesterAssurance()));
        }
    }

    /** Someone must be assigned to the ticket. */
    record AssigneeRequired() implements Guard {
        @Override
        public Optional<String> deny(GuardContext c) {
            return c.ticket().assignee().isPresent() ? Optional.empty()
                    : Optional.of(WorkflowMessages.assigneeRequired());
        }
    }
}
