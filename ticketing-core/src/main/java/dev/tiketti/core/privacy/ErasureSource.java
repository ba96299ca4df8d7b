package dev.tiketti.core.privacy;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;

/**
 * Where an erasure request came from: a form (the host's reference to the submission) or a ticket
 * (e.g. of a privacy type, opened from a free-form mail). References only, never the content.
 *
 * @since 0.1
 */
public sealed interface ErasureSource {

    /** A request made through a form; {@code reference} identifies the submission in the host. */
    record Form(String reference) implements ErasureSource {
        public Form {
            reference = Require.notBlank(reference, "form reference").strip();
        }
    }

    /** A request that arrived as a ticket. */
    record FromTicket(TicketId ticket) implements ErasureSource {
        public FromTicket {
            Require.nonNull(ticket, "ticket id");
        }
    }
}
