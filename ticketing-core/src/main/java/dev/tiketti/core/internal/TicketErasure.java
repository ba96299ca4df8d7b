package dev.tiketti.core.internal;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.DataCategory;
import dev.tiketti.core.privacy.ErasureAction;
import dev.tiketti.core.privacy.ErasureItem.Store;
import dev.tiketti.core.privacy.ErasureItem;
import dev.tiketti.core.privacy.ErasureOutcome;
import dev.tiketti.core.privacy.ErasurePolicy;
import dev.tiketti.core.privacy.LegalBasis;
import dev.tiketti.core.privacy.Redactor;
import dev.tiketti.core.privacy.Retention;
import dev.tiketti.core.spi.AttachmentStore;
import dev.tiketti.core.spi.StoredTicket;
import dev.tiketti.core.ticket.AttachmentRef;
import dev.tiketti.core.ticket.CustomFields;
import dev.tiketti.core.ticket.FieldChange;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What erasure does to one ticket in a run: chooses per data category whether the person's data in
 * it is redacted, handed over, deleted or retained, writes the report lines ahead to the journal, then
 * rewrites or deletes the ticket. Not API.
 */
final class TicketErasure {
    /** Redaction of one ticket's stored content; pure, so the rewrite can apply it to the current content. */
    private record Scrub(Redactor text, Redactor history, Optional<Redactor> attachments, boolean dropBinary,
                         boolean dropAllAttachments, Optional<ContactId> newRequester) {
    }

    private final ErasureEngine.Stores s;
    private final ErasurePolicy policy;
    private final Contact person;
    private final LocalDate today;
    private final Clock clock;
    private final ErasureEngine.CategoryOfState categories;
    private final Consumer<ErasureItem> note;
    private final Runnable writeAhead;

    /**
     * @param note       adds a line to the run's report
     * @param writeAhead saves the report as it stands to the journal, before the stores change
     */
    TicketErasure(ErasureEngine.Stores stores, ErasurePolicy policy, Contact person, LocalDate today, Clock clock,
                  ErasureEngine.CategoryOfState categories, Consumer<ErasureItem> note, Runnable writeAhead) {
        this.s = stores;
        this.policy = policy;
        this.person = person;
        this.today = today;
        this.clock = clock;
        this.categories = categories;
        this.note = note;
        this.writeAhead = writeAhead;
    }

    private StoredTicket load(Ticket t) {
        return new StoredTicket(t, s.tickets().timeline(t.id()), s.tickets().history(t.id()));
    }

    void otherTicket(Ticket t, Redactor mentions, Set<String> candidates) {
        StoredTicket before = load(t);
        boolean textRetained = policy.action(DataCategory.TICKET_TEXT) == ErasureAction.RETAIN;
        boolean historyRetained = policy.action(DataCategory.HISTORY_VALUES) == ErasureAction.RETAIN;
        boolean attachmentsRetained = policy.action(DataCategory.ATTACHMENTS) == ErasureAction.RETAIN;
        Scrub scrub = new Scrub(textRetained ? null : mentions, historyRetained ? null : mentions,
                attachmentsRetained ? Optional.empty() : Optional.of(mentions), false, false, Optional.empty());
        apply(before, scrub, mentions, candidates, Optional.empty());
    }

    void ownTicket(Ticket t, Redactor full, Optional<ContactId> substitute, Set<String> candidates) {
        StoredTicket before = load(t);
        String key = t.key().toString();
        boolean open = !categories.closed(t);
        Optional<ContactId> newRequester = open && t.requester().equals(person.id()) ? substitute : Optional.empty();
        Optional<Retention> retained = ticketRetention(t);
        if (retained.isPresent()) {
            note.accept(new ErasureItem(Store.TICKETS, key, DataCategory.TICKET_TEXT,
                    new ErasureOutcome.Retained(retained.get())));
            if (newRequester.isPresent()) {
                Scrub move = new Scrub(null, null, Optional.empty(), false, false, newRequester);
                apply(before, move, full, candidates, newRequester);
            }
            return;
        }
        if (!open && policy.action(DataCategory.TICKET_TEXT) == ErasureAction.DELETE) {
            note.accept(new ErasureItem(Store.TICKETS, key, DataCategory.TICKET_TEXT, new ErasureOutcome.Deleted()));
            before.timeline().forEach(e -> e.attachments().forEach(a -> attachmentItem(a, new ErasureOutcome.Deleted(),
                    candidates)));
            writeAhead.run();
            s.transactions().inTransaction(() -> s.tickets().delete(t.id()));
            return;
        }
        ErasureAction attachments = policy.action(DataCategory.ATTACHMENTS);
        Scrub scrub = new Scrub(
                policy.action(DataCategory.TICKET_TEXT) == ErasureAction.RETAIN ? null : full,
                policy.action(DataCategory.HISTORY_VALUES) == ErasureAction.RETAIN ? null : full,
                attachments == ErasureAction.RETAIN ? Optional.empty() : Optional.of(full),
                attachments == ErasureAction.ANONYMISE, attachments == ErasureAction.DELETE, newRequester);
        apply(before, scrub, full, candidates, newRequester);
    }

    private Optional<Retention> ticketRetention(Ticket t) {
        Optional<Retention> byType = policy.typeRetention(t.typeId())
                .map(r -> r.retentionFrom(LocalDate.ofInstant(t.updatedAt(), clock.getZone())))
                .filter(r -> r.until().map(u -> !u.isBefore(today)).orElse(true));
        if (byType.isPresent() || !policy.contractIsBasis() || t.organization().isEmpty()) {
            return byType;
        }
        return s.organizations().membershipsOf(person.id()).stream()
                .filter(m -> m.organization().equals(t.organization().get()) && m.inForceOn(today))
                .findFirst()
                .map(m -> new Retention(LegalBasis.CONTRACT, "service contract in force with organisation "
                        + m.organization(), m.contract().flatMap(c -> c.validUntil())));
    }

    /** Computes the new content and its report lines, writes them ahead to the journal, then rewrites. */
    private void apply(StoredTicket before, Scrub scrub, Redactor scanner, Set<String> candidates,
                       Optional<ContactId> newRequester) {
        StoredTicket after = scrub(before, scrub, true);
        String key = before.ticket().key().toString();
        List<ErasureItem> lines = new ArrayList<>();
        if (!after.ticket().subject().equals(before.ticket().subject())
                || !after.ticket().resolution().equals(before.ticket().resolution())
                || !after.ticket().fields().equals(before.ticket().fields())) {
            lines.add(new ErasureItem(Store.TICKETS, key, DataCategory.TICKET_TEXT, new ErasureOutcome.Anonymised()));
        }
        newRequester.ifPresent(to -> lines.add(new ErasureItem(Store.TICKETS, key, DataCategory.CONTACT_IDENTITY,
                new ErasureOutcome.Moved(to))));
        for (int i = 0; i < before.timeline().size(); i++) {
            TimelineEntry b = before.timeline().get(i);
            TimelineEntry a = after.timeline().get(i);
            if (!a.body().equals(b.body())) {
                lines.add(new ErasureItem(Store.TICKETS, key + "/timeline/" + b.id(), DataCategory.TICKET_TEXT,
                        new ErasureOutcome.Anonymised()));
            }
            for (AttachmentRef ref : b.attachments()) {
                Optional<AttachmentRef> kept = a.attachments().stream()
                        .filter(r -> r.fileName().equals(ref.fileName())).findFirst();
                if (kept.isEmpty()) {
                    attachmentItem(ref, new ErasureOutcome.Deleted(), candidates);
                } else if (!kept.get().sha256().equals(ref.sha256())) {
                    attachmentItem(ref, new ErasureOutcome.Anonymised(), candidates);
                } else if (scrub.attachments().isEmpty() && textOf(ref).map(scanner::containsPersonalData).orElse(false)) {
                    // kept because the category is retained (a retained ticket is reported as a whole)
                    policy.retention(DataCategory.ATTACHMENTS).ifPresent(r -> lines.add(new ErasureItem(
                            Store.ATTACHMENTS, ref.sha256(), DataCategory.ATTACHMENTS, new ErasureOutcome.Retained(r))));
                }
            }
            if (scrub.text() == null && scanner.containsPersonalData(b.body())) {
                retainedLine(lines, key + "/timeline/" + b.id(), DataCategory.TICKET_TEXT);
            }
        }
        if (scrub.text() == null && scanner.containsPersonalData(before.ticket().subject())) {
            retainedLine(lines, key, DataCategory.TICKET_TEXT);
        }
        for (int i = 0; i < before.history().size(); i++) {
            HistoryEntry b = before.history().get(i);
            if (!b.equals(after.history().get(i))) {
                lines.add(new ErasureItem(Store.TICKETS, key + "/history/" + b.sequence(),
                        DataCategory.HISTORY_VALUES, new ErasureOutcome.Anonymised()));
            } else if (scrub.history() == null && historyTexts(b).stream().anyMatch(scanner::containsPersonalData)) {
                retainedLine(lines, key + "/history/" + b.sequence(), DataCategory.HISTORY_VALUES);
            }
        }
        if (lines.isEmpty() && after.equals(before)) {
            return;
        }
        lines.forEach(note);
        writeAhead.run();
        // Redacted attachment content was stored by the scrub above, before the entries point at it.
        s.transactions().inTransaction(() -> s.tickets().rewrite(before.ticket().id(),
                current -> scrub(current, scrub, false)));
    }

    private void retainedLine(List<ErasureItem> lines, String item, DataCategory category) {
        policy.retention(category).ifPresent(r -> lines.add(new ErasureItem(Store.TICKETS, item, category,
                new ErasureOutcome.Retained(r))));
    }

    private void attachmentItem(AttachmentRef ref, ErasureOutcome outcome, Set<String> candidates) {
        note.accept(new ErasureItem(Store.ATTACHMENTS, ref.sha256(), DataCategory.ATTACHMENTS, outcome));
        candidates.add(ref.sha256());
    }

    /**
     * The content with the person's data redacted. When {@code store} is true, redacted text
     * attachments are put into the attachment store (content-addressed, so idempotent).
     */
    private StoredTicket scrub(StoredTicket st, Scrub scrub, boolean store) {
        Ticket t = st.ticket();
        if (scrub.text() != null) {
            Redactor r = scrub.text();
            Map<String, Object> fields = new LinkedHashMap<>();
            t.fields().values().forEach((k, v) -> fields.put(k, v instanceof String str ? r.redact(str) : v));
            t = t.withSubject(r.redact(t.subject())).withResolution(t.resolution().map(r::redact))
                    .withFields(new CustomFields(fields));
        }
        if (scrub.newRequester().isPresent()) {
            t = withRequester(t, scrub.newRequester().get());
        }
        List<TimelineEntry> timeline = new ArrayList<>();
        for (TimelineEntry e : st.timeline()) {
            String body = scrub.text() == null ? e.body() : scrub.text().redact(e.body());
            List<AttachmentRef> refs = new ArrayList<>();
            for (AttachmentRef ref : e.attachments()) {
                scrubAttachment(ref, scrub, store).ifPresent(refs::add);
            }
            timeline.add(new TimelineEntry(e.id(), e.ticketId(), e.kind(), e.author(), e.visibility(), e.channel(),
                    body, refs, e.at()));
        }
        List<HistoryEntry> history = new ArrayList<>();
        for (HistoryEntry h : st.history()) {
            if (scrub.history() == null) {
                history.add(h);
                continue;
            }
            Redactor r = scrub.history();
            List<FieldChange> changes = h.changes().stream().map(c -> new FieldChange(c.field(),
                    c.from().map(r::redact), c.to().map(r::redact))).toList();
            history.add(new HistoryEntry(h.ticketId(), h.sequence(), h.at(), h.actor(), h.action(),
                    h.transition().map(r::redact), changes));
        }
        return new StoredTicket(t, timeline, history);
    }

    private Optional<AttachmentRef> scrubAttachment(AttachmentRef ref, Scrub scrub, boolean store) {
        if (scrub.attachments().isEmpty()) {
            return Optional.of(ref);
        }
        if (scrub.dropAllAttachments()) {
            return Optional.empty();
        }
        Optional<String> text = textOf(ref);
        if (text.isEmpty()) {
            // Binary content cannot be searched: the person's own attachments go, others' stay.
            return scrub.dropBinary() ? Optional.empty() : Optional.of(ref);
        }
        String redacted = scrub.attachments().get().redact(text.get());
        if (redacted.equals(text.get())) {
            return Optional.of(ref);
        }
        byte[] bytes = redacted.getBytes(StandardCharsets.UTF_8);
        String digest = store ? s.attachments().put(bytes)
                : dev.tiketti.core.spi.AttachmentStore.sha256(bytes);
        return Optional.of(new AttachmentRef(digest, ref.fileName(), ref.mediaType(), bytes.length));
    }

    private Optional<String> textOf(AttachmentRef ref) {
        if (!ErasureEngine.isText(ref.mediaType())) {
            return Optional.empty();
        }
        return s.attachments().get(ref.sha256()).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** Texts of the stored ticket that may hold personal data. */
    List<String> texts(Ticket t) {
        StoredTicket st = load(t);
        List<String> texts = new ArrayList<>();
        texts.add(st.ticket().subject());
        st.ticket().resolution().ifPresent(texts::add);
        st.ticket().fields().values().values().forEach(v -> {
            if (v instanceof String str) {
                texts.add(str);
            }
        });
        for (TimelineEntry e : st.timeline()) {
            texts.add(e.body());
            for (AttachmentRef ref : e.attachments()) {
                textOf(ref).ifPresent(texts::add);
            }
        }
        st.history().forEach(h -> texts.addAll(historyTexts(h)));
        return texts;
    }

    private static List<String> historyTexts(HistoryEntry h) {
        List<String> texts = new ArrayList<>();
        h.transition().ifPresent(texts::add);
        h.changes().forEach(c -> {
            c.from().ifPresent(texts::add);
            c.to().ifPresent(texts::add);
        });
        return texts;
    }

    private static Ticket withRequester(Ticket t, ContactId requester) {
        return new Ticket(t.id(), t.key(), t.typeId(), t.workflowId(), t.workflowVersion(), t.state(),
                t.classification(), t.priority(), requester, t.organization(), t.assignee(), t.team(), t.channel(),
                t.subject(), t.resolution(), t.fields(), t.createdAt(), t.updatedAt(), t.slaDue(), t.version());
    }
}
