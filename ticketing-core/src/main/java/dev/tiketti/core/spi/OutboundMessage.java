package dev.tiketti.core.spi;

import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.privacy.Language;
import java.util.List;
import java.util.Optional;

/**
 * A message for the {@link OutboundTransport} to deliver: a reply to the requester or a
 * notification to a handler or team, tied to a ticket.
 *
 * @param team the ticket's team, for choosing the sender (e.g. the team's from-address); empty when
 *        unknown (an entry written by an older node)
 * @param kind what the message is, for choosing its template and whether it is automatic mail
 * @since 0.1
 */
public record OutboundMessage(TicketId ticketId, TicketKey ticketKey, Optional<TeamId> team, Recipient to,
                              String subject, String body, Kind kind) {
    public OutboundMessage {
        Require.nonNull(ticketId, "ticketId");
        Require.nonNull(ticketKey, "ticketKey");
        Require.nonNull(team, "team");
        Require.nonNull(to, "to");
        Require.nonNull(subject, "subject");
        Require.nonNull(body, "body");
        Require.nonNull(kind, "kind");
    }

    /** A {@link Kind#NOTICE} of no known team (as before kinds existed). */
    public OutboundMessage(TicketId ticketId, TicketKey ticketKey, Recipient to, String subject, String body) {
        this(ticketId, ticketKey, Optional.empty(), to, subject, body, Kind.NOTICE);
    }

    /** A message of {@code kind} about a ticket of {@code team}. */
    public OutboundMessage(TicketId ticketId, TicketKey ticketKey, TeamId team, Recipient to, String subject,
                           String body, Kind kind) {
        this(ticketId, ticketKey, Optional.of(Require.nonNull(team, "team")), to, subject, body, kind);
    }

    /**
     * What a message is. Every kind but {@link #REPLY} is automatic mail: a transport marks it so
     * (RFC 3834 {@code Auto-Submitted}) and may limit how much of it one address receives.
     *
     * @since 0.1
     */
    public enum Kind {
        /** A handler's public reply, written by a person. */
        REPLY,
        /** "We got your message": sent when a ticket is opened from a message. */
        ACKNOWLEDGEMENT,
        /** A workflow notification ({@code Effect.notify}) to the requester, the assignee or the team. */
        NOTICE,
        /** An SLA reminder ({@code ReminderRule}) to the team. */
        REMINDER,
        /** An SLA escalation ({@code Escalation.notifyTeamLead()}) to the team lead or the team. */
        ESCALATION,
        /** "This is not ours, write to … instead" (R6). */
        REDIRECT;

        /** Whether a program, not a person, wrote the message. */
        public boolean automatic() {
            return this != REPLY;
        }
    }

    /** Who a message goes to; the transport resolves agents and teams to addresses. */
    public sealed interface Recipient {
    }

    /** A contact, with the addresses the register holds for them and the language they want to be served in. */
    public record ToContact(ContactId contact, List<String> emails, Language language) implements Recipient {
        public ToContact {
            Require.nonNull(contact, "contact");
            emails = Require.listOf(emails, "emails");
            Require.nonNull(language, "language");
        }

        /** In {@link Language#FI}, the register's default. */
        public ToContact(ContactId contact, List<String> emails) {
            this(contact, emails, Language.FI);
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
