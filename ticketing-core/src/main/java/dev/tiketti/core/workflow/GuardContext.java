package dev.tiketti.core.workflow;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.ticket.Ticket;

/**
 * What a guard may look at: the ticket as it would be with the request's own inputs applied
 * (a resolution or field values typed in with the transition), who asks, and how well the
 * requester is identified.
 *
 * @since 0.1
 */
public record GuardContext(Ticket ticket, Actor actor, AssuranceLevel requesterAssurance) {
    public GuardContext {
        Require.nonNull(ticket, "ticket");
        Require.nonNull(actor, "actor");
        Require.nonNull(requesterAssurance, "requesterAssurance");
    }
}
