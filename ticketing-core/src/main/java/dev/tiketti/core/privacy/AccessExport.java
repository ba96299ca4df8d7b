package dev.tiketti.core.privacy;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.ticket.AttachmentRef;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import java.time.Instant;
import java.util.List;

/**
 * Everything Tiketti holds about one contact, for a data subject's right of access (GDPR art. 15,
 * R8): the register record, memberships, consent records, the tickets they requested, their
 * messages (timeline entries they wrote, on any ticket, and the entries of their own tickets that
 * are visible to them), the attachments of those, and who read their data. {@link #toJson()} for
 * machines, {@link #summary()} for people. Contains personal data: hand it to the person only.
 *
 * @since 0.1
 */
public record AccessExport(Instant exportedAt, Contact contact, List<Membership> memberships, List<Consent> consents,
                           List<Ticket> tickets, List<TimelineEntry> messages, List<AttachmentRef> attachments,
                           List<AccessRecord> accesses) {
    public AccessExport {
        Require.nonNull(exportedAt, "exportedAt");
        Require.nonNull(contact, "contact");
        memberships = Require.listOf(memberships, "memberships");
        consents = Require.listOf(consents, "consents");
        tickets = Require.listOf(tickets, "tickets");
        messages = Require.listOf(messages, "messages");
        attachments = Require.listOf(attachments, "attachments");
        accesses = Require.listOf(accesses, "accesses");
    }

    /**
     * The export as pretty-printed JSON (format in {@code docs/privacy.md}). Needs
     * {@code jackson-databind} on the class path, like {@code WorkflowJson}.
     */
    public String toJson() {
        try {
            Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, AccessExport.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw PrivacyMessages.jacksonMissingForExport();
        }
        return AccessExportJson.write(this);
    }

    /** A plain-text account for the person, in English. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append("Data held about ").append(contact.name()).append(" (contact ").append(contact.id())
                .append("), exported ").append(exportedAt).append('\n');
        b.append("\nRegister record\n");
        b.append("  name: ").append(contact.name()).append('\n');
        b.append("  e-mail addresses: ").append(contact.emails().isEmpty() ? "none" : String.join(", ", contact.emails()))
                .append('\n');
        b.append("  phone numbers: ").append(contact.phones().isEmpty() ? "none" : String.join(", ", contact.phones()))
                .append('\n');
        b.append("  language: ").append(contact.language()).append(", identity assurance: ").append(contact.assurance())
                .append(", active: ").append(contact.active() ? "yes" : "no").append('\n');
        b.append("\nMemberships (").append(memberships.size()).append(")\n");
        memberships.forEach(m -> b.append("  organisation ").append(m.organization()).append(", role ").append(m.role())
                .append(m.contract().map(c -> ", service contract " + c.reference()).orElse("")).append('\n'));
        b.append("\nConsent and other legal bases (").append(consents.size()).append(")\n");
        consents.forEach(c -> b.append("  ").append(c.purpose()).append(": ").append(c.basis()).append(", recorded ")
                .append(c.recordedAt()).append(" via ").append(c.channel()).append(", text version ")
                .append(c.textVersion()).append(c.withdrawnAt().map(w -> ", withdrawn " + w).orElse(""))
                .append('\n'));
        b.append("\nTickets you requested (").append(tickets.size()).append(")\n");
        tickets.forEach(t -> b.append("  ").append(t.key()).append(" ").append(t.subject()).append(" [").append(t.state())
                .append("], opened ").append(t.createdAt()).append('\n'));
        b.append("\nYour messages (").append(messages.size()).append(")\n");
        messages.forEach(m -> b.append("  ").append(m.at()).append(" ").append(m.kind()).append(" on ticket ")
                .append(m.ticketId()).append('\n'));
        b.append("\nAttachments (").append(attachments.size()).append(")\n");
        attachments.forEach(a -> b.append("  ").append(a.fileName()).append(" (").append(a.mediaType()).append(", ")
                .append(a.size()).append(" bytes)\n"));
        b.append("\nWho accessed your data (").append(accesses.size()).append(")\n");
        accesses.forEach(a -> b.append("  ").append(a.at()).append(" ").append(a.actor()).append(" for ")
                .append(a.purpose()).append(": ").append(String.join(", ", a.read())).append('\n'));
        return b.toString();
    }

    /** Never the personal data: only the contact id and counts. */
    @Override
    public String toString() {
        return "AccessExport[" + contact.id() + ", " + tickets.size() + " tickets, " + messages.size() + " messages]";
    }
}
