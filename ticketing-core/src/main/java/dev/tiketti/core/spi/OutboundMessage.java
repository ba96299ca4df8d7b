package dev.tiketti.core.spi;

import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import java.util.List;

/**
 * A message for the {@link OutboundTransport} to deliver: a reply to the requester or a
 * notification to a handler or team, tied to a ticket.
 *
 * @since 0.1
 */
public record OutboundMessage(TicketId ticketId, TicketKey ticketKey, Recipient to, String subject, String body) {
    public OutboundMessage {
        Require.nonNull(ticketId, "ticketId");
        Require.nonNull(ticketKey, "ticketKey");
        Require.nonNull(to, "to");
        Require.nonNull(subject, "subject");
        Require.nonNull(body, "body");
    }

    /** Who a message goes to; the transport resolves agents and teams to addresses. */
    public sealed interface Recipient {
    }

    /** A contact, with the addresses the register holds for them. */
    public record ToContact(ContactId contact, List<String> emails) implements Recipient {
        public ToContact {
            Require.nonNull(contact, "contact");
            emails = Require.listOf(emails, "emails");
        }
    }

    /** A handler of the team. */
    public record ToAgent(AgentId agent) implements Recipient {
        public ToAgent {
            Require.nonNull(agent, "agent");
        }
    }

    /** The whole team (e.g. its shared mailbox). */
    public record ToTeam(TeamId team) implements Recipient {
        public ToTeam {
            Require.nonNull(team, "team");
        }
    }
}
