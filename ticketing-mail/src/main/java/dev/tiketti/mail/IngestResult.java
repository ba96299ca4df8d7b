package dev.tiketti.mail;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;
import java.util.Optional;
import java.util.UUID;

/**
 * What {@link MailChannel#ingest} did with one raw mail: opened a ticket, added to one, found it done
 * already, quarantined it, or only recorded machine mail. Every outcome means the mail is handled: a
 * poller flags it and goes on.
 *
 * @since 0.1
 */
public sealed interface IngestResult {

    /** A new ticket was opened from a person's mail (and an acknowledgement sent to them). */
    record Opened(TicketId ticket) implements IngestResult {
        public Opened {
            Require.nonNull(ticket, "ticket");
        }
    }

    /** A person's mail was added to the timeline of an existing ticket. */
    record Appended(TicketId ticket) implements IngestResult {
        public Appended {
            Require.nonNull(ticket, "ticket");
        }
    }

    /** The same mail (same mailbox and Message-ID, or same bytes) was ingested before: nothing changed. */
    record Duplicate(TicketId ticket) implements IngestResult {
        public Duplicate {
            Require.nonNull(ticket, "ticket");
        }
    }

    /**
     * The mail is kept raw in the quarantine, with the code of the reason (e.g. {@code TKT-1000} for a
     * broken budget, {@code TKT-1041} for an unknown sender).
     */
    record Quarantined(UUID id, String reasonCode) implements IngestResult {
        public Quarantined {
            Require.nonNull(id, "id");
            Require.notBlank(reasonCode, "reasonCode");
        }
    }

    /**
     * Machine mail (auto-reply, bounce, list mail, our own mail coming back) that got no answer; when it
     * threaded to a ticket that is not closed, it was added to it as an internal note.
     *
     * @param ticket the ticket it threaded to, if any
     * @param noted  whether an internal note was added to that ticket
     */
    record Recorded(MailKind kind, Optional<TicketId> ticket, boolean noted) implements IngestResult {
        public Recorded {
            Require.nonNull(kind, "kind");
            Require.nonNull(ticket, "ticket");
        }
    }
}
