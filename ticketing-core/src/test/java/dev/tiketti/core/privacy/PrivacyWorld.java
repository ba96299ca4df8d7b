package dev.tiketti.core.privacy;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.TicketingBuilder;
import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.event.PrivacyEvent;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.inmemory.InMemoryAttachmentStore;
import dev.tiketti.core.inmemory.InMemoryAuditLog;
import dev.tiketti.core.inmemory.InMemoryContactStore;
import dev.tiketti.core.inmemory.InMemoryTicketStore;
import dev.tiketti.core.inmemory.RecordingOutboundTransport;
import dev.tiketti.core.spi.AttachmentStore;
import dev.tiketti.core.spi.ContactStore;
import dev.tiketti.core.spi.EventListener;
import dev.tiketti.core.spi.StoredTicket;
import dev.tiketti.core.spi.TicketChange;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.ticket.AttachmentRef;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.TransitionRequest;
import dev.tiketti.core.workflow.Effect;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A Ticketing on in-memory stores wrapped so a test can make them fail after N writes, with a
 * workflow NEW -> OPEN -> CLOSED, a general type (HR) and a payroll type (PAY). Invented data only.
 */
final class PrivacyWorld {
    static final Instant START = Instant.parse("2025-03-03T08:00:00Z");
    static final TeamId HR = TeamId.of("hr");
    static final Actor AGENT = Actor.agent("maija", "hr");
    static final PurposeId SERVICE = PurposeId.of("customer-service");

    final MovingClock clock = new MovingClock(START);
    final AtomicInteger failAfter = new AtomicInteger(-1); // writes left before one fails; -1: never
    final InMemoryTicketStore ticketStore = new InMemoryTicketStore();
    final InMemoryContactStore contactStore = new InMemoryContactStore();
    final InMemoryAttachmentStore attachmentStore = new InMemoryAttachmentStore();
    final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    final dev.tiketti.core.inmemory.InMemoryConsentStore consentStore = new dev.tiketti.core.inmemory.InMemoryConsentStore();
    final RecordingOutboundTransport outbox = new RecordingOutboundTransport();
    final dev.tiketti.core.inmemory.InMemorySearchIndex searchIndex = new dev.tiketti.core.inmemory.InMemorySearchIndex();
    final List<PrivacyEvent> privacyEvents = new CopyOnWriteArrayList<>();
    final Ticketing ticketing;
    final Privacy privacy;

    PrivacyWorld() {
        this(b -> b);
    }

    PrivacyWorld(UnaryOperator<TicketingBuilder> options) {
        EventListener listener = new EventListener() {
            @Override
            public void on(TicketEvent event) {
            }

            @Override
            public void onPrivacy(PrivacyEvent event) {
                privacyEvents.add(event);
            }
        };
        ticketing = options.apply(Ticketing.builder().ticketStore(new FlakyTickets()).contactStore(new FlakyContacts())
                .attachmentStore(new FlakyAttachments()).auditLog(auditLog).consentStore(consentStore)
                .outboundTransport(outbox).searchIndex(searchIndex))
                .inMemory().clock(clock).listener(listener).build();
        privacy = ticketing.privacy();
        ticketing.definitions().publishWorkflow(WorkflowDefinition.builder("simple")
                .state("NEW", StateCategory.NEW).state("OPEN", StateCategory.OPEN)
                .state("CLOSED", StateCategory.CLOSED)
                .transition("start").from("NEW").to("OPEN")
                .transition("ask").from("OPEN").to("OPEN")
                    .then(Effect.notify(Effect.Notify.Recipient.REQUESTER, "About {key}: see {privacyNoticeUrl}"))
                .transition("close").from("NEW", "OPEN").to("CLOSED").build());
        ticketing.definitions().defineType(new TicketType("general", HR, "HR", "General question", "simple", List.of()));
        ticketing.definitions().defineType(new TicketType("payroll", HR, "PAY", "Payroll", "simple", List.of()));
        privacy.consents().registerPurpose(ConsentPurpose.of("customer-service", "Handling your service requests"));
    }

    final java.util.Set<ContactId> contactIds = new java.util.TreeSet<>((a, b) -> a.value().compareTo(b.value()));
    final java.util.Set<String> digests = new java.util.TreeSet<>();

    /** The contact's consent records straight from the store (no audited read). */
    List<Consent> consentsOf(Contact contact) {
        return consentStore.forContact(contact.id());
    }

    List<Contact> contacts() {
        return contactIds.stream().map(contactStore::find).flatMap(Optional::stream).toList();
    }

    /** Digests of content still stored, of everything ever put. */
    List<String> storedDigests() {
        return digests.stream().filter(d -> attachmentStore.get(d).isPresent()).toList();
    }

    static ContactId id(int n) {
        return new ContactId(new UUID(0x7e57L, n));
    }

    Contact contact(int n, String name, String email, String phone) {
        Contact c = new Contact(id(n), name, List.of(email), phone.isEmpty() ? List.of() : List.of(phone),
                AssuranceLevel.LOW, true);
        return privacy.register().save(c);
    }

    Ticket open(String type, ContactId requester, String subject, String body) {
        return ticketing.tickets().open(OpenTicket.of(type, requester, subject, Channel.EMAIL).body(body));
    }

    Ticket close(Ticket t) {
        return ticketing.tickets().transition(TransitionRequest.of(t.id(), "close", AGENT));
    }

    AttachmentRef text(String name, String content) {
        return ticketing.attachments().store(name, "text/plain", content.getBytes(StandardCharsets.UTF_8));
    }

    List<Ticket> tickets() {
        return ticketStore.query(TicketQuery.all().limit(Integer.MAX_VALUE));
    }

    /** Every text the stores hold, each labelled with where it is (ticket key, entry, digest). */
    Map<String, String> everyText() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Ticket t : tickets()) {
            String key = t.key().toString();
            texts.put(key + "#subject", t.subject());
            t.resolution().ifPresent(r -> texts.put(key + "#resolution", r));
            t.fields().values().forEach((k, v) -> texts.put(key + "#field." + k, String.valueOf(v)));
            for (TimelineEntry e : ticketStore.timeline(t.id())) {
                texts.put(key + "/timeline/" + e.id(), e.body());
                for (AttachmentRef a : e.attachments()) {
                    attachmentStore.get(a.sha256()).ifPresent(b -> texts.put(key + "/timeline/" + e.id() + "#"
                            + a.sha256(), new String(b, StandardCharsets.UTF_8)));
                }
            }
            for (HistoryEntry h : ticketStore.history(t.id())) {
                StringBuilder b = new StringBuilder();
                h.transition().ifPresent(b::append);
                h.changes().forEach(c -> b.append(' ').append(c.field()).append('=').append(c.from().orElse(""))
                        .append('>').append(c.to().orElse("")));
                texts.put(key + "/history/" + h.sequence(), b.toString());
            }
        }
        // the search index (issue #4 item 10): every stored document, also of tickets no longer stored
        for (TicketId id : searchIndex.indexed()) {
            searchIndex.document(id).ifPresent(d -> {
                texts.put(d.key() + "/index#emails", String.join(" ", d.requesterEmails()));
                for (int i = 0; i < d.texts().size(); i++) {
                    texts.put(d.key() + "/index#text" + i, d.texts().get(i).text());
                }
            });
        }
        for (Contact c : contacts()) {
            texts.put("contact/" + c.id(), c.name() + " " + String.join(" ", c.emails()) + " "
                    + String.join(" ", c.phones()));
        }
        return texts;
    }

    /** Tickets whose index document differs from what their stored content makes, and documents of tickets gone. */
    List<String> indexDrift() {
        List<String> drift = new ArrayList<>();
        for (Ticket t : tickets()) {
            if (!searchIndex.document(t.id()).equals(Optional.of(dev.tiketti.core.search.SearchDocument.of(t,
                    ticketStore.timeline(t.id()), contactStore.find(t.requester()), ticketing.tickets().category(t))))) {
                drift.add(t.key().toString());
            }
        }
        searchIndex.indexed().stream().filter(id -> ticketStore.find(id).isEmpty())
                .forEach(id -> drift.add("gone " + id));
        return drift;
    }

    /** The stores' state with random ids replaced by positions, to compare two worlds built alike. */
    List<String> normalisedState() {
        List<String> state = new ArrayList<>();
        for (Ticket t : tickets().stream().sorted((a, b) -> a.key().toString().compareTo(b.key().toString())).toList()) {
            state.add(t.key() + " " + t.state() + " " + t.requester() + " " + t.subject() + " " + t.fields());
            int i = 0;
            for (TimelineEntry e : ticketStore.timeline(t.id())) {
                state.add("  " + (i++) + " " + e.kind() + " " + e.author() + " " + e.body() + " "
                        + e.attachments().stream().map(a -> a.fileName() + ":" + a.sha256()).toList());
            }
            for (HistoryEntry h : ticketStore.history(t.id())) {
                state.add("  h" + h.sequence() + " " + h.action() + " " + h.transition() + " " + h.changes());
            }
        }
        contacts().forEach(c -> state.add(c.toString() + c.name() + c.emails() + c.phones()));
        state.add("attachments " + storedDigests());
        return state;
    }

    static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("tests use UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private void write() {
        if (failAfter.get() >= 0 && failAfter.getAndDecrement() == 0) {
            throw new TicketingException(ErrorCode.STORAGE_UNAVAILABLE, "simulated outage");
        }
    }

    /** The in-memory ticket store, failing one write when the countdown runs out. */
    final class FlakyTickets implements TicketStore {
        @Override
        public void create(Ticket ticket, List<TimelineEntry> timeline, List<HistoryEntry> history) {
            ticketStore.create(ticket, timeline, history);
        }

        @Override
        public void update(TicketChange change) {
            ticketStore.update(change);
        }

        @Override
        public Optional<Ticket> find(TicketId id) {
            return ticketStore.find(id);
        }

        @Override
        public Optional<Ticket> findByKey(TicketKey key) {
            return ticketStore.findByKey(key);
        }

        @Override
        public List<TimelineEntry> timeline(TicketId id) {
            return ticketStore.timeline(id);
        }

        @Override
        public List<HistoryEntry> history(TicketId id) {
            return ticketStore.history(id);
        }

        @Override
        public long nextNumber(String prefix) {
            return ticketStore.nextNumber(prefix);
        }

        @Override
        public List<Ticket> query(TicketQuery query) {
            return ticketStore.query(query);
        }

        @Override
        public boolean rewrite(TicketId id, UnaryOperator<StoredTicket> rewriter) {
            write();
            return ticketStore.rewrite(id, rewriter);
        }

        @Override
        public boolean delete(TicketId id) {
            write();
            return ticketStore.delete(id);
        }
    }

    final class FlakyContacts implements ContactStore {
        @Override
        public void save(Contact contact) {
            write();
            contactIds.add(contact.id());
            contactStore.save(contact);
        }

        @Override
        public Optional<Contact> find(ContactId id) {
            return contactStore.find(id);
        }

        @Override
        public Optional<Contact> findByEmail(String email) {
            return contactStore.findByEmail(email);
        }
    }

    final class FlakyAttachments implements AttachmentStore {
        @Override
        public String put(byte[] content) {
            write();
            String digest = attachmentStore.put(content);
            digests.add(digest);
            return digest;
        }

        @Override
        public Optional<byte[]> get(String sha256) {
            return attachmentStore.get(sha256);
        }

        @Override
        public boolean delete(String sha256) {
            write();
            return attachmentStore.delete(sha256);
        }
    }
}
