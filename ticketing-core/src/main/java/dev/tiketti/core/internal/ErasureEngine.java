package dev.tiketti.core.internal;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.Consent;
import dev.tiketti.core.privacy.DataCategory;
import dev.tiketti.core.privacy.ErasureAction;
import dev.tiketti.core.privacy.ErasureItem;
import dev.tiketti.core.privacy.ErasureItem.Store;
import dev.tiketti.core.privacy.ErasureOutcome;
import dev.tiketti.core.privacy.ErasurePolicy;
import dev.tiketti.core.privacy.ErasureReport;
import dev.tiketti.core.privacy.ErasureRequest;
import dev.tiketti.core.privacy.LegalBasis;
import dev.tiketti.core.privacy.Membership;
import dev.tiketti.core.privacy.PersonalDataKind;
import dev.tiketti.core.privacy.Redactor;
import dev.tiketti.core.privacy.Retention;
import dev.tiketti.core.spi.AttachmentStore;
import dev.tiketti.core.spi.AuditLog;
import dev.tiketti.core.spi.ConsentStore;
import dev.tiketti.core.spi.ContactStore;
import dev.tiketti.core.spi.ErasureJournal;
import dev.tiketti.core.spi.OrganizationStore;
import dev.tiketti.core.spi.StoredTicket;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.ticket.AttachmentRef;
import dev.tiketti.core.ticket.CustomFields;
import dev.tiketti.core.ticket.FieldChange;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs one erasure (R8): validates the request, records it in the journal as partial, then ticket
 * by ticket redacts, hands over or deletes (other people's tickets first, while the person's own
 * still hold the identity codes found in them), then consents, memberships and the register
 * record, and records it as completed. Each step is idempotent and written ahead to the journal, so
 * running an interrupted request again ends where an uninterrupted run would. Not API.
 */
public final class ErasureEngine {
    private static final Redactor HETU = Redactor.builder().detect(PersonalDataKind.HETU).build();
    private static final Redactor PHONE = Redactor.builder().detect(PersonalDataKind.PHONE).build();

    /** The stores erasure works on. */
    public record Stores(TicketStore tickets, ContactStore contacts, OrganizationStore organizations,
                         ConsentStore consents, AttachmentStore attachments, AuditLog audit, ErasureJournal journal,
                         Transactions transactions, SearchSync search, Dispatcher outbox) {
    }

    private final Stores s;
    private final Clock clock;
    private final CategoryOfState categories;

    /** Whether a ticket's current state is of category CLOSED (the facade knows the workflows). */
    @FunctionalInterface
    public interface CategoryOfState {
        boolean closed(Ticket ticket);
    }

    public ErasureEngine(Stores stores, Clock clock, CategoryOfState categories) {
        this.s = Require.nonNull(stores, "stores");
        this.clock = Require.nonNull(clock, "clock");
        this.categories = Require.nonNull(categories, "categories");
    }

    /** Runs or resumes the request; returns the completed report. */
    public ErasureReport erase(ErasureRequest request, ErasurePolicy policy) {
        Require.nonNull(request, "erasure request");
        Require.nonNull(policy, "erasure policy");
        Optional<ErasureReport> earlier = s.journal().find(request.id());
        if (earlier.isPresent() && earlier.get().status() == ErasureReport.Status.COMPLETED) {
            return earlier.get();
        }
        if (earlier.isPresent() && !earlier.get().request().contact().equals(request.contact())) {
            throw PrivacyProblems.erasureOfAnotherContact(request.id());
        }
        Contact person = s.contacts().find(request.contact())
                .orElseThrow(() -> PrivacyProblems.contactNotFound(request.contact()));
        Run run = new Run(request, policy, person, earlier);
        Optional<ContactId> substitute = run.resolveSubstitute(); // every check before the first write
        run.journal(ErasureReport.Status.PARTIAL);
        try {
            run.execute(substitute);
        } catch (RuntimeException e) {
            throw PrivacyProblems.erasureIncomplete(request.id(), request.contact(), e);
        }
        return run.journal(ErasureReport.Status.COMPLETED);
    }

    /** Redaction of one ticket's stored content; pure, so the rewrite can apply it to the current content. */
    private record Scrub(Redactor text, Redactor history, Optional<Redactor> attachments, boolean dropBinary,
                         boolean dropAllAttachments, Optional<ContactId> newRequester) {
    }

    private final class Run {
        final ErasureRequest request;
        final ErasurePolicy policy;
        final Contact person;
        final Instant startedAt;
        final Map<String, ErasureItem> items = new LinkedHashMap<>();
        final LocalDate today;

        Run(ErasureRequest request, ErasurePolicy policy, Contact person, Optional<ErasureReport> earlier) {
            this.request = request;
            this.policy = policy;
            this.person = person;
            this.startedAt = earlier.map(ErasureReport::startedAt).orElseGet(clock::instant);
            earlier.ifPresent(r -> r.items().forEach(i -> items.put(i.key(), i)));
            this.today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        }

        ErasureReport journal(ErasureReport.Status status) {
            ErasureReport report = new ErasureReport(request, status, startedAt,
                    status == ErasureReport.Status.COMPLETED ? Optional.of(clock.instant()) : Optional.empty(),
                    List.copyOf(items.values()));
            s.transactions().inTransaction(() -> {
                s.journal().save(report);
                return null;
            });
            return report;
        }

        void note(ErasureItem item) {
            items.put(item.key(), item);
        }

        /** Tickets the person requested, including those a previous part of this run handed over. */
        Set<String> movedKeys() {
            Set<String> keys = new HashSet<>();
            items.values().stream().filter(i -> i.outcome() instanceof ErasureOutcome.Moved)
                    .forEach(i -> keys.add(i.item()));
            return keys;
        }

        List<Ticket> allTickets() {
            return s.tickets().query(TicketQuery.all().limit(Integer.MAX_VALUE)).stream()
                    .sorted(Comparator.comparing(Ticket::key, Comparator.comparing(dev.tiketti.core.common.TicketKey::prefix)
                            .thenComparingLong(dev.tiketti.core.common.TicketKey::number)))
                    .toList();
        }

        boolean own(Ticket t, Set<String> moved) {
            return t.requester().equals(person.id()) || moved.contains(t.key().toString());
        }

        Optional<ContactId> resolveSubstitute() {
            request.substitute().ifPresent(sub -> {
                if (sub.equals(person.id())) {
                    throw PrivacyProblems.erasureOwnSubstitute(person.id());
                }
                Contact found = s.contacts().find(sub)
                        .orElseThrow(() -> PrivacyProblems.erasureSubstituteNotRegistered(person.id(), sub));
                if (!found.active()) {
                    throw PrivacyProblems.erasureSubstituteInactive(person.id(), sub);
                }
            });
            boolean hasOpen = s.tickets().query(TicketQuery.all().requester(person.id()).limit(Integer.MAX_VALUE))
                    .stream().anyMatch(t -> !categories.closed(t));
            if (!hasOpen) {
                return request.substitute();
            }
            Optional<ContactId> chosen = request.substitute().or(() -> substituteOf(person));
            if (chosen.isEmpty()) {
                throw PrivacyProblems.noSubstitute(person.id());
            }
            return chosen;
        }

        Optional<ContactId> substituteOf(Contact c) {
            Predicate<ContactId> usable = id -> !id.equals(c.id())
                    && s.contacts().find(id).map(Contact::active).orElse(false);
            if (c.substitute().isPresent() && usable.test(c.substitute().get())) {
                return c.substitute();
            }
            return s.organizations().membershipsOf(c.id()).stream()
                    .sorted(Comparator.comparing(m -> m.organization().value()))
                    .map(m -> s.organizations().find(m.organization())).flatMap(Optional::stream)
                    .map(o -> o.defaultSubstitute()).flatMap(Optional::stream).filter(usable).findFirst();
        }

        /**
         * The person's identifying terms: name (unless already overwritten), addresses, numbers as
         * registered, every other spelling of those numbers found in any ticket ({@code 040-123 4567}
         * for {@code +358 40 123 4567}), and the HETUs found in the person's own tickets (the register
         * holds none). Only texts not yet scrubbed still hold a spelling, and those are exactly the
         * texts it must be removed from, so a resumed run finds what it needs.
         */
        Set<String> terms(List<Ticket> all, Set<String> moved) {
            Set<String> terms = new LinkedHashSet<>();
            if (!person.name().equalsIgnoreCase(policy.replacement())) {
                terms.add(person.name());
            }
            terms.addAll(person.emails());
            terms.addAll(person.phones());
            Set<String> numbers = new HashSet<>();
            person.phones().forEach(p -> numbers.add(nationalDigits(p)));
            for (Ticket t : all) {
                boolean own = own(t, moved);
                for (String text : texts(load(t))) {
                    if (own) {
                        HETU.scan(text).forEach(f -> terms.add(text.substring(f.start(), f.end())));
                    }
                    if (!numbers.isEmpty()) {
                        PHONE.scan(text).stream().map(f -> text.substring(f.start(), f.end()))
                                .filter(found -> numbers.contains(nationalDigits(found))).forEach(terms::add);
                    }
                }
            }
            return terms;
        }

        Redactor redactor(Set<String> terms, boolean patterns) {
            Redactor.Builder b = Redactor.builder().replacement(policy.replacement());
            Set<String> all = new LinkedHashSet<>();
            for (String term : terms) {
                all.add(term);
                if (term.equals(person.name())) {
                    all.addAll(List.of(term.strip().split("[\\s\\-]+"))); // each part, as personName does
                }
            }
            for (String term : all) {
                // a term the token itself would match (a person called Xxxxxx) would make redaction loop
                if (term.strip().length() >= Redactor.MIN_TERM_LENGTH
                        && !term.strip().equalsIgnoreCase(policy.replacement())) {
                    b.knownTerm(term);
                }
            }
            if (all.stream().noneMatch(t -> t.strip().length() >= Redactor.MIN_TERM_LENGTH
                    && !t.strip().equalsIgnoreCase(policy.replacement()))) {
                terms = Set.of();
            }
            if (!patterns) {
                if (terms.isEmpty()) {
                    return null;
                }
                b.detect(PersonalDataKind.KNOWN_TERM);
            }
            return b.build();
        }

        void execute(Optional<ContactId> substitute) {
            Set<String> moved = movedKeys();
            List<Ticket> all = allTickets();
            List<Ticket> own = all.stream().filter(t -> own(t, moved)).toList();
            Set<String> terms = terms(all, moved);
            Redactor mentions = redactor(terms, false);
            Redactor full = redactor(terms, true);
            Set<String> attachmentCandidates = new LinkedHashSet<>();
            items.values().stream().filter(i -> i.store() == Store.ATTACHMENTS
                            && !(i.outcome() instanceof ErasureOutcome.Retained))
                    .forEach(i -> attachmentCandidates.add(i.item()));
            // Other people's tickets first: the person's own tickets still hold the HETUs found above.
            for (Ticket t : all) {
                if (!own(t, moved) && mentions != null) {
                    otherTicket(t, mentions, attachmentCandidates);
                }
            }
            for (Ticket t : own) {
                ownTicket(t, full, substitute, attachmentCandidates);
            }
            consentsAndMemberships();
            auditLog();
            contactRecord();
            searchIndex(all, moved);
            outbox(all);
            cleanAttachments(attachmentCandidates);
        }

        /**
         * Discards undelivered outbox entries (events, mails) of the tickets whose text this run
         * changed or deleted: delivered later, they would carry the person's data out again after
         * the erasure. Entries of tickets kept under a retention basis stay.
         */
        void outbox(List<Ticket> all) {
            Set<String> touched = new HashSet<>();
            items.values().stream().filter(i -> i.store() == Store.TICKETS && !(i.outcome() instanceof ErasureOutcome.Retained))
                    .forEach(i -> touched.add(i.item().contains("/") ? i.item().substring(0, i.item().indexOf('/'))
                            : i.item()));
            for (Ticket t : all) {
                String key = t.key().toString();
                if (touched.contains(key) && s.outbox().discard(List.of(t.id())) > 0) {
                    note(new ErasureItem(Store.OUTBOX, key, DataCategory.TICKET_TEXT, new ErasureOutcome.Deleted()));
                    journal(ErasureReport.Status.PARTIAL);
                }
            }
        }

        /**
         * Brings every ticket's search document in line with the erased store (after the register
         * record, so the person's addresses are gone from their own tickets' documents too): deleted
         * tickets are removed (also those an interrupted earlier part of the run deleted), changed ones
         * re-indexed, then the index purges. DELETE and ANONYMISE
         * act alike, as the index mirrors the store; RETAIN keeps the documents of the person's own
         * tickets as they were and reports them as retained.
         */
        void searchIndex(List<Ticket> all, Set<String> moved) {
            if (s.search().index().isEmpty()) {
                return; // no index, no copies
            }
            boolean retain = policy.action(DataCategory.SEARCH_INDEX) == ErasureAction.RETAIN;
            dev.tiketti.core.spi.SearchIndex index = s.search().index().get();
            for (Ticket t : all) {
                String key = t.key().toString();
                Optional<dev.tiketti.core.search.SearchDocument> before = index.document(t.id());
                if (retain && own(t, moved)) {
                    if (before.isPresent()) {
                        note(new ErasureItem(Store.SEARCH_INDEX, key, DataCategory.SEARCH_INDEX,
                                new ErasureOutcome.Retained(policy.retention(DataCategory.SEARCH_INDEX).orElseThrow())));
                    }
                    continue;
                }
                Optional<dev.tiketti.core.search.SearchDocument> after = s.search().documentOf(t.id());
                if (before.equals(after)) {
                    continue;
                }
                if (before.isEmpty()) {
                    index.index(after.orElseThrow()); // the index had lost it: nothing of the person to report
                    continue;
                }
                note(new ErasureItem(Store.SEARCH_INDEX, key, DataCategory.SEARCH_INDEX, after.isEmpty()
                        ? new ErasureOutcome.Deleted() : new ErasureOutcome.Anonymised()));
                journal(ErasureReport.Status.PARTIAL);
                if (after.isEmpty()) {
                    index.remove(t.id());
                } else {
                    index.index(after.get());
                }
            }
            // documents of tickets no longer stored, e.g. deleted by an earlier, interrupted part of this run
            Set<dev.tiketti.core.common.TicketId> stored = new HashSet<>();
            s.tickets().query(TicketQuery.all().limit(Integer.MAX_VALUE)).forEach(t -> stored.add(t.id()));
            for (dev.tiketti.core.common.TicketId id : index.indexed()) {
                if (!stored.contains(id)) {
                    index.document(id).ifPresent(d -> note(new ErasureItem(Store.SEARCH_INDEX, d.key().toString(),
                            DataCategory.SEARCH_INDEX, new ErasureOutcome.Deleted())));
                    journal(ErasureReport.Status.PARTIAL);
                    index.remove(id);
                }
            }
            index.purge();
        }

        StoredTicket load(Ticket t) {
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
                note(new ErasureItem(Store.TICKETS, key, DataCategory.TICKET_TEXT,
                        new ErasureOutcome.Retained(retained.get())));
                if (newRequester.isPresent()) {
                    Scrub move = new Scrub(null, null, Optional.empty(), false, false, newRequester);
                    apply(before, move, full, candidates, newRequester);
                }
                return;
            }
            if (!open && policy.action(DataCategory.TICKET_TEXT) == ErasureAction.DELETE) {
                note(new ErasureItem(Store.TICKETS, key, DataCategory.TICKET_TEXT, new ErasureOutcome.Deleted()));
                before.timeline().forEach(e -> e.attachments().forEach(a -> attachmentItem(a, new ErasureOutcome.Deleted(),
                        candidates)));
                journal(ErasureReport.Status.PARTIAL);
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

        Optional<Retention> ticketRetention(Ticket t) {
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
        void apply(StoredTicket before, Scrub scrub, Redactor scanner, Set<String> candidates,
                   Optional<ContactId> newRequester) {
            Map<String, String> replaced = new LinkedHashMap<>(); // old digest -> new digest (redacted text)
            StoredTicket after = scrub(before, scrub, replaced, true);
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
            lines.forEach(this::note);
            journal(ErasureReport.Status.PARTIAL);
            // Redacted attachment content was stored by the scrub above, before the entries point at it.
            s.transactions().inTransaction(() -> s.tickets().rewrite(before.ticket().id(),
                    current -> scrub(current, scrub, new LinkedHashMap<>(), false)));
        }

        void retainedLine(List<ErasureItem> lines, String item, DataCategory category) {
            policy.retention(category).ifPresent(r -> lines.add(new ErasureItem(Store.TICKETS, item, category,
                    new ErasureOutcome.Retained(r))));
        }

        void attachmentItem(AttachmentRef ref, ErasureOutcome outcome, Set<String> candidates) {
            note(new ErasureItem(Store.ATTACHMENTS, ref.sha256(), DataCategory.ATTACHMENTS, outcome));
            candidates.add(ref.sha256());
        }

        /**
         * The content with the person's data redacted. When {@code store} is true, redacted text
         * attachments are put into the attachment store (content-addressed, so idempotent).
         */
        StoredTicket scrub(StoredTicket st, Scrub scrub, Map<String, String> replaced, boolean store) {
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

        Optional<AttachmentRef> scrubAttachment(AttachmentRef ref, Scrub scrub, boolean store) {
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

        Optional<String> textOf(AttachmentRef ref) {
            if (!isText(ref.mediaType())) {
                return Optional.empty();
            }
            return s.attachments().get(ref.sha256()).map(b -> new String(b, StandardCharsets.UTF_8));
        }

        void consentsAndMemberships() {
            boolean keepIdentity = policy.action(DataCategory.CONTACT_IDENTITY) == ErasureAction.RETAIN;
            List<Consent> consents = s.consents().forContact(person.id());
            for (Consent c : consents) {
                note(new ErasureItem(Store.CONSENTS, c.id().toString(), DataCategory.CONTACT_IDENTITY, keepIdentity
                        ? new ErasureOutcome.Retained(policy.retention(DataCategory.CONTACT_IDENTITY).orElseThrow())
                        : new ErasureOutcome.Deleted()));
            }
            List<Membership> memberships = s.organizations().membershipsOf(person.id());
            List<Membership> toRemove = new ArrayList<>();
            for (Membership m : memberships) {
                String item = person.id() + "@" + m.organization();
                if (policy.contractIsBasis() && m.inForceOn(today)) {
                    note(new ErasureItem(Store.ORGANIZATIONS, item, DataCategory.CONTACT_IDENTITY,
                            new ErasureOutcome.Retained(new Retention(LegalBasis.CONTRACT,
                                    "service contract in force with organisation " + m.organization(),
                                    m.contract().flatMap(c -> c.validUntil())))));
                } else if (keepIdentity) {
                    note(new ErasureItem(Store.ORGANIZATIONS, item, DataCategory.CONTACT_IDENTITY,
                            new ErasureOutcome.Retained(policy.retention(DataCategory.CONTACT_IDENTITY).orElseThrow())));
                } else {
                    note(new ErasureItem(Store.ORGANIZATIONS, item, DataCategory.CONTACT_IDENTITY,
                            new ErasureOutcome.Deleted()));
                    toRemove.add(m);
                }
            }
            if (consents.isEmpty() && memberships.isEmpty()) {
                return;
            }
            journal(ErasureReport.Status.PARTIAL);
            s.transactions().inTransaction(() -> {
                if (!keepIdentity) {
                    s.consents().deleteForContact(person.id());
                }
                toRemove.forEach(m -> s.organizations().removeMembership(m.contact(), m.organization()));
                return null;
            });
        }

        void auditLog() {
            if (!s.audit().forContact(person.id()).isEmpty()) {
                // The access records carry ids only; they are the controller's proof of accountability.
                note(new ErasureItem(Store.AUDIT_LOG, person.id().toString(), DataCategory.CONTACT_IDENTITY,
                        new ErasureOutcome.Retained(new Retention(LegalBasis.LEGAL_OBLIGATION,
                                "access log, GDPR art. 5(2) accountability; holds ids only", Optional.empty()))));
            }
        }

        void contactRecord() {
            Contact current = s.contacts().find(person.id()).orElse(person);
            String id = person.id().toString();
            boolean identity = policy.action(DataCategory.CONTACT_IDENTITY) != ErasureAction.RETAIN;
            boolean channels = policy.action(DataCategory.CONTACT_CHANNELS) != ErasureAction.RETAIN;
            note(new ErasureItem(Store.CONTACTS, id, DataCategory.CONTACT_IDENTITY, identity
                    ? new ErasureOutcome.Anonymised()
                    : new ErasureOutcome.Retained(policy.retention(DataCategory.CONTACT_IDENTITY).orElseThrow())));
            note(new ErasureItem(Store.CONTACTS, id, DataCategory.CONTACT_CHANNELS, channels
                    ? (policy.action(DataCategory.CONTACT_CHANNELS) == ErasureAction.DELETE
                        ? new ErasureOutcome.Deleted() : new ErasureOutcome.Anonymised())
                    : new ErasureOutcome.Retained(policy.retention(DataCategory.CONTACT_CHANNELS).orElseThrow())));
            note(new ErasureItem(Store.CONTACTS, id + "/active", DataCategory.CONTACT_IDENTITY,
                    new ErasureOutcome.Deactivated()));
            journal(ErasureReport.Status.PARTIAL);
            Contact erased = new Contact(current.id(), identity ? policy.replacement() : current.name(),
                    channels ? List.of() : current.emails(), channels ? List.of() : current.phones(), current.language(),
                    current.assurance(), false, current.substitute());
            s.transactions().inTransaction(() -> {
                s.contacts().save(erased);
                return null;
            });
        }

        void cleanAttachments(Set<String> candidates) {
            if (candidates.isEmpty()) {
                return;
            }
            Set<String> referenced = new HashSet<>();
            for (Ticket t : allTickets()) {
                s.tickets().timeline(t.id()).forEach(e -> e.attachments().forEach(a -> referenced.add(a.sha256())));
            }
            for (String digest : candidates) {
                if (!referenced.contains(digest)) {
                    s.attachments().delete(digest);
                }
            }
        }
    }

    /** Texts of a stored ticket that may hold personal data. */
    List<String> texts(StoredTicket st) {
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
                if (isText(ref.mediaType())) {
                    s.attachments().get(ref.sha256()).ifPresent(b -> texts.add(new String(b, StandardCharsets.UTF_8)));
                }
            }
        }
        st.history().forEach(h -> texts.addAll(historyTexts(h)));
        return texts;
    }

    static List<String> historyTexts(HistoryEntry h) {
        List<String> texts = new ArrayList<>();
        h.transition().ifPresent(texts::add);
        h.changes().forEach(c -> {
            c.from().ifPresent(texts::add);
            c.to().ifPresent(texts::add);
        });
        return texts;
    }

    /** A phone number's digits in the national form: {@code +358 40 123 4567} and {@code 040-123 4567} agree. */
    static String nationalDigits(String phone) {
        String digits = phone.replaceAll("\\(0\\)", "").replaceAll("[^0-9]", "");
        if (digits.startsWith("00358")) {
            return "0" + digits.substring(5);
        }
        if (phone.strip().startsWith("+358") && digits.startsWith("358")) {
            return "0" + digits.substring(3);
        }
        return digits;
    }

    /** Whether attachment content of this media type is text that can be searched and redacted. */
    public static boolean isText(String mediaType) {
        String m = mediaType.toLowerCase(java.util.Locale.ROOT);
        return m.startsWith("text/") || m.startsWith("application/json") || m.startsWith("application/xml");
    }

    static Ticket withRequester(Ticket t, ContactId requester) {
        return new Ticket(t.id(), t.key(), t.typeId(), t.workflowId(), t.workflowVersion(), t.state(),
                t.classification(), t.priority(), requester, t.organization(), t.assignee(), t.team(), t.channel(),
                t.subject(), t.resolution(), t.fields(), t.createdAt(), t.updatedAt(), t.slaDue(), t.version());
    }
}
