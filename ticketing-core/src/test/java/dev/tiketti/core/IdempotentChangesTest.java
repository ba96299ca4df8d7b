package dev.tiketti.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.inmemory.InMemoryStorage;
import dev.tiketti.core.inmemory.RecordingOutboundTransport;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.spi.AttachmentStore;
import dev.tiketti.core.spi.AuditLog;
import dev.tiketti.core.spi.ConsentRequestStore;
import dev.tiketti.core.spi.ConsentStore;
import dev.tiketti.core.spi.ContactStore;
import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.core.spi.ErasureJournal;
import dev.tiketti.core.spi.OrganizationStore;
import dev.tiketti.core.spi.Storage;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.ticket.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A change with an idempotency key happens once, however often and from however many threads it is made. */
class IdempotentChangesTest {
    final Fixture f = new Fixture().withHrSetup();

    @Test
    @DisplayName("opening twice with one key opens one ticket, returns it both times and publishes one event")
    void openTwice() {
        OpenTicket request = f.leaveRequest().idempotencyKey("mail:hr@example.fi:<a1@example.fi>");
        Ticket first = f.ticketing.tickets().open(request);
        int events = f.events.size();
        Ticket second = f.ticketing.tickets().open(request);

        assertThat(second).isEqualTo(first);
        assertThat(f.ticketing.tickets().query(TicketQuery.all())).hasSize(1);
        assertThat(f.events).hasSize(events);
        assertThat(f.ticketing.tickets().open(f.leaveRequest().idempotencyKey("mail:hr@example.fi:<a2@example.fi>")))
                .extracting(Ticket::id).isNotEqualTo(first.id());
    }

    @Test
    @DisplayName("a repeated open returns the ticket as it is now, not a copy of the first result")
    void replayReadsCurrentTicket() {
        OpenTicket request = f.leaveRequest().idempotencyKey("k-1");
        Ticket first = f.ticketing.tickets().open(request);
        Ticket started = f.take(first, "start", f.maija);

        assertThat(f.ticketing.tickets().open(request)).isEqualTo(started);
    }

    @Test
    @DisplayName("adding an entry twice with one key adds one entry and returns it both times")
    void addEntryTwice() {
        Ticket t = f.open();
        NewEntry reply = NewEntry.inbound(t.id(), Actor.contact(f.requester.id()), Channel.EMAIL, "Kiitos!")
                .withIdempotencyKey("mail:hr@example.fi:<r1@example.fi>");
        TimelineEntry first = f.ticketing.tickets().addEntry(reply);
        TimelineEntry second = f.ticketing.tickets().addEntry(reply);

        assertThat(second).isEqualTo(first);
        assertThat(f.ticketing.tickets().timeline(t.id())).hasSize(2);
        assertThat(f.ticketing.tickets().get(t.id()).version()).isEqualTo(2);
    }

    @Test
    @DisplayName("a key that opened a ticket cannot add an entry, nor one that added to ticket A add to ticket B")
    void keyNamesOneChange() {
        Ticket a = f.ticketing.tickets().open(f.leaveRequest().idempotencyKey("k-open"));
        Ticket b = f.open();
        NewEntry onB = NewEntry.note(b.id(), f.maija, "Soitettu").withIdempotencyKey("k-open");
        assertThatThrownBy(() -> f.ticketing.tickets().addEntry(onB))
                .isInstanceOfSatisfying(TicketingException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED))
                .hasMessageContaining(a.id().toString()).hasMessageContaining(b.id().toString())
                .hasMessageNotContaining("k-open");

        f.ticketing.tickets().addEntry(NewEntry.note(a.id(), f.maija, "Soitettu").withIdempotencyKey("k-add"));
        assertThatThrownBy(() -> f.ticketing.tickets().addEntry(
                NewEntry.note(b.id(), f.maija, "Soitettu").withIdempotencyKey("k-add")))
                .isInstanceOfSatisfying(TicketingException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED));
        assertThat(f.ticketing.tickets().timeline(b.id())).hasSize(1);
    }

    @Test
    @DisplayName("a failed keyed open records nothing, so the corrected request opens the ticket")
    void failedOpenRecordsNothing() {
        OpenTicket missingYear = OpenTicket.of("annual-leave", f.requester.id(), "Vuosiloma", Channel.EMAIL)
                .body("Voinko siirtää lomani?").idempotencyKey("k-fail");
        assertThatThrownBy(() -> f.ticketing.tickets().open(missingYear)).isInstanceOf(TicketingException.class);

        Ticket opened = f.ticketing.tickets().open(missingYear.field("leaveYear", 2025));
        assertThat(f.ticketing.tickets().query(TicketQuery.all())).extracting(Ticket::id).containsExactly(opened.id());
    }

    @Test
    @DisplayName("eight threads opening with the same twenty keys open exactly twenty tickets")
    void concurrentOpens() throws Exception {
        int threads = 8;
        int keys = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        Set<Object> ids = ConcurrentHashMap.newKeySet();
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int k = 0; k < keys; k++) {
                        ids.add(f.ticketing.tickets().open(f.leaveRequest().idempotencyKey("key-" + k)).id());
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> d : done) {
                d.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids).hasSize(keys);
        assertThat(f.ticketing.tickets().query(TicketQuery.all())).hasSize(keys);
        assertThat(f.events.stream().filter(e -> e instanceof TicketEvent.TicketOpened)).hasSize(keys);
    }

    @Test
    @DisplayName("a keyed change on a storage that keeps no keys fails with IDEMPOTENCY_UNSUPPORTED and changes nothing")
    void unsupported() {
        InMemoryStorage all = new InMemoryStorage(f.clock);
        Storage withoutKeys = new Storage() { // every store of the in-memory bundle but the idempotency keys
            @Override
            public TicketStore tickets() {
                return all.tickets();
            }

            @Override
            public DefinitionStore definitions() {
                return all.definitions();
            }

            @Override
            public Optional<ContactStore> contacts() {
                return all.contacts();
            }

            @Override
            public Optional<AttachmentStore> attachments() {
                return all.attachments();
            }

            @Override
            public Optional<OrganizationStore> organizations() {
                return all.organizations();
            }

            @Override
            public Optional<ConsentStore> consents() {
                return all.consents();
            }

            @Override
            public Optional<ConsentRequestStore> consentRequests() {
                return all.consentRequests();
            }

            @Override
            public Optional<AuditLog> audit() {
                return all.audit();
            }

            @Override
            public Optional<ErasureJournal> erasureJournal() {
                return all.erasureJournal();
            }
        };
        Ticketing bare = Ticketing.builder().storage(withoutKeys).outboundTransport(new RecordingOutboundTransport())
                .clock(f.clock).build();
        bare.definitions().publishWorkflow(Fixture.hrWorkflow().build());
        bare.definitions().defineType(Fixture.leaveType());
        Contact c = bare.privacy().register().save(Contact.withEmail("Eino Laine", "eino.laine@example.fi",
                AssuranceLevel.LOW));
        OpenTicket keyed = OpenTicket.of("annual-leave", c.id(), "Loma", Channel.EMAIL).field("leaveYear", 2025)
                .idempotencyKey("k");

        assertThatThrownBy(() -> bare.tickets().open(keyed))
                .isInstanceOfSatisfying(TicketingException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.IDEMPOTENCY_UNSUPPORTED))
                .hasMessageContaining("idempotencyStore(");
        assertThat(all.tickets().query(TicketQuery.all())).isEmpty();
        assertThat(all.idempotency()).isPresent();
    }

    @Test
    @DisplayName("keys are 1-200 characters without control characters; a bad key is refused without being echoed")
    void keyForm() {
        OpenTicket r = f.leaveRequest();
        assertThatThrownBy(() -> r.idempotencyKey("x".repeat(201)))
                .isInstanceOfSatisfying(TicketingException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.INVALID_IDENTIFIER))
                .hasMessageContaining("201").hasMessageNotContaining("xxxx");
        assertThatThrownBy(() -> r.idempotencyKey("mail:\r\nBcc: x@example.com"))
                .isInstanceOfSatisfying(TicketingException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.INVALID_IDENTIFIER))
                .hasMessageContaining("control characters").hasMessageNotContaining("example.com");
        assertThat(r.idempotencyKey("  k  ").idempotencyKey()).contains("k");
        assertThat(r.idempotencyKey("x".repeat(200)).idempotencyKey()).isPresent();
    }
}
