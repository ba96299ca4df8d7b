package dev.tiketti.core.internal;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.privacy.Consent;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.DataCategory;
import dev.tiketti.core.privacy.ErasureAction;
import dev.tiketti.core.privacy.ErasureItem.Store;
import dev.tiketti.core.privacy.ErasureItem;
import dev.tiketti.core.privacy.ErasureOutcome;
import dev.tiketti.core.privacy.ErasurePolicy;
import dev.tiketti.core.privacy.ErasureReport;
import dev.tiketti.core.privacy.ErasureRequest;
import dev.tiketti.core.privacy.LegalBasis;
import dev.tiketti.core.privacy.Membership;
import dev.tiketti.core.privacy.Redactor;
import dev.tiketti.core.privacy.Retention;
import dev.tiketti.core.spi.AttachmentStore;
import dev.tiketti.core.spi.AuditLog;
import dev.tiketti.core.spi.ConsentStore;
import dev.tiketti.core.spi.ContactStore;
import dev.tiketti.core.spi.ErasureJournal;
import dev.tiketti.core.spi.ForgottenMail;
import dev.tiketti.core.spi.MailStore;
import dev.tiketti.core.spi.OrganizationStore;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
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
 * running an interrupted request again ends where an uninterrupted run would. What is done to each
 * ticket is {@link TicketErasure}'s; the terms that identify the person are {@link ErasureTerms}'. Not API.
 */
public final class ErasureEngine {
    /** The stores erasure works on. */
    public record Stores(TicketStore tickets, ContactStore contacts, OrganizationStore organizations,
                         ConsentStore consents, AttachmentStore attachments, AuditLog audit, ErasureJournal journal,
                         Transactions transactions, SearchSync search, Dispatcher outbox,
                         Optional<MailStore> mail) {
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

    private final class Run {
        final ErasureRequest request;
        final ErasurePolicy policy;
        final Contact person;
        final Instant startedAt;
        final Map<String, ErasureItem> items = new LinkedHashMap<>();
        final LocalDate today;
        final TicketErasure tickets;
        final ErasureTerms identity;

        Run(ErasureRequest request, ErasurePolicy policy, Contact person, Optional<ErasureReport> earlier) {
            this.request = request;
            this.policy = policy;
            this.person = person;
            this.startedAt = earlier.map(ErasureReport::startedAt).orElseGet(clock::instant);
            earlier.ifPresent(r -> r.items().forEach(i -> items.put(i.key(), i)));
            this.today = LocalDate.ofInstant(clock.instant(), clock.getZone());
            this.tickets = new TicketErasure(s, policy, person, today, clock, categories, this::note,
                    () -> journal(ErasureReport.Status.PARTIAL));
            this.identity = new ErasureTerms(person, policy.replacement());
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

        void execute(Optional<ContactId> substitute) {
            Set<String> moved = movedKeys();
            List<Ticket> all = allTickets();
            List<Ticket> own = all.stream().filter(t -> own(t, moved)).toList();
            Set<String> terms = identity.find(all, t -> own(t, moved), tickets::texts);
            Redactor mentions = identity.redactor(terms, false);
            Redactor full = identity.redactor(terms, true);
            Set<String> attachmentCandidates = new LinkedHashSet<>();
            items.values().stream().filter(i -> i.store() == Store.ATTACHMENTS
                            && !(i.outcome() instanceof ErasureOutcome.Retained))
                    .forEach(i -> attachmentCandidates.add(i.item()));
            // Other people's tickets first: the person's own tickets still hold the HETUs found above.
            for (Ticket t : all) {
                if (!own(t, moved) && mentions != null) {
                    tickets.otherTicket(t, mentions, attachmentCandidates);
                }
            }
            for (Ticket t : own) {
                tickets.ownTicket(t, full, substitute, attachmentCandidates);
            }
            consentsAndMemberships();
            auditLog();
            mail(attachmentCandidates); // before the register record, which still holds the addresses
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

        /**
         * Forgets the person's addresses in the mail store: quarantined messages they sent, failure
         * marks and automatic-mail records. The raw messages go with the attachments (deleted
         * unless a ticket refers to them); the report names the quarantined messages by id and the
         * other records by the contact id, never by address. Kept when the policy retains the
         * contact's channels, as the register keeps the addresses then.
         */
        void mail(Set<String> attachmentCandidates) {
            if (s.mail().isEmpty() || person.emails().isEmpty()
                    || policy.action(DataCategory.CONTACT_CHANNELS) == ErasureAction.RETAIN) {
                return;
            }
            MailStore mail = s.mail().get();
            // forgetting and noting in one unit: the journal lists what went, even if the run stops here
            s.transactions().inTransaction(() -> {
                ForgottenMail gone = mail.forget(person.emails());
                if (gone.isEmpty()) {
                    return null;
                }
                String id = person.id().toString();
                gone.quarantined().forEach(q -> note(new ErasureItem(Store.MAIL, "quarantine/" + q,
                        DataCategory.TICKET_TEXT, new ErasureOutcome.Deleted())));
                if (gone.addressFailures() > 0) {
                    note(new ErasureItem(Store.MAIL, id + "/address-failures", DataCategory.CONTACT_CHANNELS,
                            new ErasureOutcome.Deleted()));
                }
                if (gone.brakeCounts() > 0) {
                    note(new ErasureItem(Store.MAIL, id + "/automatic-mails", DataCategory.CONTACT_CHANNELS,
                            new ErasureOutcome.Deleted()));
                }
                gone.rawSha256s().forEach(d -> note(new ErasureItem(Store.ATTACHMENTS, d, DataCategory.ATTACHMENTS,
                        new ErasureOutcome.Deleted())));
                journal(ErasureReport.Status.PARTIAL);
                return null;
            });
            items.values().stream().filter(i -> i.store() == Store.ATTACHMENTS
                            && !(i.outcome() instanceof ErasureOutcome.Retained))
                    .forEach(i -> attachmentCandidates.add(i.item()));
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

    /** Whether attachment content of this media type is text that can be searched and redacted. */
    public static boolean isText(String mediaType) {
        String m = mediaType.toLowerCase(java.util.Locale.ROOT);
        return m.startsWith("text/") || m.startsWith("application/json") || m.startsWith("application/xml");
    }
}
