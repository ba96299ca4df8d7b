package dev.tiketti.core.spi;

import dev.tiketti.core.AgentId;
import dev.tiketti.core.ContactId;
import dev.tiketti.core.TeamId;
import dev.tiketti.core.TicketId;
import dev.tiketti.core.TicketKey;
import java.util.List;
import java.util.Objects;

/**
 * A message for the {@link OutboundTransport} to deliver: a reply to the requester or a
 * notification to a handler or team, tied to a ticket.
 *
 * @since 0.1
 */
public record OutboundMessage(TicketId ticketId, TicketKey ticketKey, Recipient to, String subject, String body) {
    public OutboundMessage {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(ticketKey, "ticketKey");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    /** Who a message goes to; the transport resolves agents and teams to addresses. */
    public sealed interface Recipient {
    }

    /** A contact, with the addresses the register holds for them. */
    public record ToContact(ContactId contact, List<String> emails) implements Recipient {
        public ToContact {
            Objects.requireNonNull(contact, "contact");
            emails = List.copyOf(emails);
        }
    }

    /** A handler of the team. */
    public record ToAgent(AgentId agent) implements Recipient {
        public ToAgent {
            Objects.requireNonNull(agent, "agent");
        }
    }

    /** The whole team (e.g. its shared mailbox). */
    public record ToTeam(TeamId team) implements Recipient {
        public ToTeam {
            Objects.requireNonNull(team, "team");
        }
    }
}
