package dev.tiketti.core.ticket;

import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import java.time.Instant;
import java.util.Optional;

/**
 * A service request: one matter of one requester, handled by a team through its workflow.
 * Immutable; every change produces a new value with {@code version + 1}. The timeline and the
 * action history are kept beside it (see {@link dev.tiketti.core.ticket.Tickets#timeline}).
 *
 * @param workflowVersion the version of the type's workflow this ticket follows; a new version
 *                        applies only after {@link dev.tiketti.core.ticket.Tickets#upgradeWorkflow}
 * @param slaDue          the earliest due instant among the ticket's SLA targets whose clock runs
 *                        (started, not met, not paused), as of the ticket's last change; an overdue
 *                        target keeps its due instant. Empty when no clock runs or the
 *                        {@link dev.tiketti.core.Ticketing} has no SLA policies. Set by the facade
 *                        before each change is stored, so stores can index it
 *                        ({@link dev.tiketti.core.ticket.TicketQuery#slaDueBefore}); see {@code docs/sla.md}
 * @param version         optimistic-locking version, 1 when opened
 * @since 0.1
 */
public record Ticket(TicketId id, TicketKey key, String typeId, String workflowId, int workflowVersion,
                     String state, Optional<Classification> classification, Priority priority,
                     ContactId requester, Optional<OrganizationId> organization, Optional<AgentId> assignee,
                     TeamId team, Channel channel, String subject, Optional<String> resolution,
                     CustomFields fields, Instant createdAt, Instant updatedAt, Optional<Instant> slaDue,
                     long version) {
    public Ticket {
        Require.nonNull(id, "id");
        Require.nonNull(key, "key");
        Require.nonNull(typeId, "typeId");
        Require.nonNull(workflowId, "workflowId");
        Require.nonNull(state, "state");
        Require.nonNull(classification, "classification");
        Require.nonNull(priority, "priority");
        Require.nonNull(requester, "requester");
        Require.nonNull(organization, "organization");
        Require.nonNull(assignee, "assignee");
        Require.nonNull(team, "team");
        Require.nonNull(channel, "channel");
        Require.nonNull(subject, "subject");
        Require.nonNull(resolution, "resolution");
        Require.nonNull(fields, "fields");
        Require.nonNull(createdAt, "createdAt");
        Require.nonNull(updatedAt, "updatedAt");
        Require.nonNull(slaDue, "slaDue");
        Require.argument(version >= 1, () -> TicketMessages.ticketVersionBelowOne(version));
    }

    public Ticket withState(String newState) {
        return new Ticket(id, key, typeId, workflowId, workflowVersion, newState, classification, priority, requester,
                organization, assignee, team, channel, subject, resolution, fields, createdAt, updatedAt,
                slaDue, version);
    }

    public Ticket withWorkflowVersion(int newVersion) {
        return new Ticket(id, key, typeId, workflowId, newVersion, state, classification, priority, requester,
                organization, assignee, team, channel, subject, resolution, fields, createdAt, updatedAt,
                slaDue, version);
    }

    public Ticket withAssignee(Optional<AgentId> newAssignee) {
        return new Ticket(id, key, typeId, workflowId, workflowVersion, state, classification, priority, requester,
                organization, newAssignee, team, channel, subject, resolution, fields, createdAt, updatedAt,
                slaDue, version);
    }

    public Ticket withPriority(Priority newPriority) {
        return new Ticket(id, key, typeId, workflowId, workflowVersion, state, classification, newPriority, requester,
                organization, assignee, team, channel, subject, resolution, fields, createdAt, updatedAt,
                slaDue, version);
    }

    public Ticket withClassification(Optional<Classification> newClassification) {
        return new Ticket(id, key, typeId, workflowId, workflowVersion, state, newClassification, priority, requester,
                organization, assignee, team, channel, subject, resolution, fields, createdAt, updatedAt,
                slaDue, version);
    }

    public Ticket withSubject(String newSubject) {
        return new Ticket(id, key, typeId, workflowId, workflowVersion, state, classification, priority, requester,
                organization, assignee, team, channel, newSubject, resolution, fields, createdAt, updatedAt,
                slaDue, version);
    }

    public Ticket withResolution(Optional<String> newResolution) {
        return new Ticket(id, key, typeId, workflowId, workflowVersion, state, classification, priority, requester,
                organization, assignee, team, channel, subject, newResolution, fields, createdAt, updatedAt,
                slaDue, version);
    }

    public Ticket withFields(CustomFields newFields) {
        return new Ticket(id, key, typeId, workflowId, workflowVersion, state, classification, priority, requester,
                organization, assignee, team, channel, subject, resolution, newFields, createdAt, updatedAt,
                slaDue, version);
    }

    /** This ticket with another {@link #slaDue()}; the facade sets it, hosts only read it. */
    public Ticket withSlaDue(Optional<Instant> newSlaDue) {
        return new Ticket(id, key, typeId, workflowId, workflowVersion, state, classification, priority, requester,
                organization, assignee, team, channel, subject, resolution, fields, createdAt, updatedAt, newSlaDue,
                version);
    }

    /** The next version of this ticket, stamped with the time of the change. */
    public Ticket nextVersion(Instant at) {
        return new Ticket(id, key, typeId, workflowId, workflowVersion, state, classification, priority, requester,
                organization, assignee, team, channel, subject, resolution, fields, createdAt, at, slaDue, version + 1);
    }
}
