package dev.tiketti.jpa;

import static dev.tiketti.jpa.testing.Fixtures.T0;
import static dev.tiketti.jpa.testing.Fixtures.created;
import static dev.tiketti.jpa.testing.Fixtures.note;
import static dev.tiketti.jpa.testing.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.StorageUnavailableException;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.privacy.AccessRecord;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Consent;
import dev.tiketti.core.privacy.ConsentId;
import dev.tiketti.core.privacy.ConsentPurpose;
import dev.tiketti.core.privacy.ConsentRequest;
import dev.tiketti.core.privacy.ConsentRequestId;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.LegalBasis;
import dev.tiketti.core.privacy.Membership;
import dev.tiketti.core.privacy.Organization;
import dev.tiketti.core.privacy.PurposeId;
import dev.tiketti.core.sla.ClaimedTimer;
import dev.tiketti.core.sla.TimerId;
import dev.tiketti.core.sla.TimerKind;
import dev.tiketti.core.sla.TimerRequest;
import dev.tiketti.core.spi.OutboxEntry;
import dev.tiketti.core.spi.TicketChange;
import dev.tiketti.core.ticket.FieldChange;
import dev.tiketti.core.ticket.HistoryAction;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.jpa.testing.BreakablePool;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue #20, item 1: every store method, met by a pooled connection whose database session has
 * ended (the server was restarted or shut down), reports the retryable
 * {@link StorageUnavailableException} (TKT-0601) with the database's failure as its cause, never an
 * absence (an empty result, {@code false}, TKT-0101) or a cause-less TKT-0612; and works again on
 * a new connection. Each method is tried twice: called on its own (its own unit of work gets the
 * dead connection) and inside a unit of work whose connection dies before the call.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaStoreOutageTests {
    private static final PurposeId SERVICE = PurposeId.of("service-requests");
    private static final Actor MAIJA = Actor.agent("maija", "hr");
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final AtomicInteger counter = new AtomicInteger();
    private BreakablePool pool;
    private JpaStorage storage;

    /** A pool on a new, migrated-or-empty database whose sessions {@link BreakablePool#breakAll()} ends. */
    abstract BreakablePool pool();

    @BeforeAll
    void start() {
        pool = pool();
        storage = JpaStorage.builder().dataSource(pool).migrate(true).build();
        storage.definitionStore().saveWorkflow(JpaDefinitionAndAttachmentStoreTests.workflow("hr-general", 1, "WAITING"));
        storage.consentStore().savePurpose(new ConsentPurpose(SERVICE, "Palvelupyyntöjen käsittely"));
    }

    @AfterAll
    void stop() {
        storage.close();
        pool.discardDead();
    }

    /** A store call, prepared (rows it needs written) while the database is up. */
    private record Case(String name, Supplier<Callable<?>> prepare) {
    }

    @TestFactory
    Stream<DynamicTest> every_store_method_on_a_dead_connection_is_storage_unavailable_with_its_cause() {
        return cases().stream().flatMap(c -> Stream.of(
                DynamicTest.dynamicTest(c.name() + ", called on its own", () -> check(c, false)),
                DynamicTest.dynamicTest(c.name() + ", inside a unit of work", () -> check(c, true))));
    }

    private void check(Case c, boolean joined) throws Exception {
        pool.discardDead();
        Callable<?> call = c.prepare().get();
        pool.warmUp(2); // idle connections that the next units of work will get, unchecked
        Throwable thrown = catchThrowable(() -> {
            if (joined) {
                storage.transactions().inTransaction(() -> {
                    pool.breakAll();
                    return uncheckedCall(call);
                });
            } else {
                pool.breakAll();
                call.call();
            }
        });
        assertThat(thrown).as("%s with the database session gone", c.name()).isNotNull();
        assertThat(thrown).as("%s: %s", c.name(), describe(thrown))
                .isInstanceOf(StorageUnavailableException.class);
        TicketingException e = (TicketingException) thrown;
        assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getCause()).as("the cause of %s", c.name()).isNotNull();
        assertThat(chain(e)).as("the cause chain of %s", c.name()).anyMatch(t -> t instanceof SQLException);

        // Back on a new connection, the same call (on rows prepared afresh) succeeds: it did reach
        // the database, and the failure left nothing behind that stands in its way.
        pool.discardDead();
        Callable<?> again = c.prepare().get();
        assertThatCode(again::call).as("%s once the database is back", c.name()).doesNotThrowAnyException();
    }

    private static Object uncheckedCall(Callable<?> call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Throwable> chain(Throwable e) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable t = e; t != null && !all.contains(t); t = t.getCause()) {
            all.add(t);
        }
        return all;
    }

    private static String describe(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t : chain(e)) {
            s.append("\n  ").append(t);
        }
        return s.toString();
    }

    // ------------------------------------------------------------------------------------- the cases

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // TicketStore
        cases.add(new Case("TicketStore.create", () -> {
            Ticket t = newTicketValue();
            return () -> {
                storage.ticketStore().create(t, List.of(), List.of(created(t)));
                return null;
            };
        }));
        cases.add(new Case("TicketStore.update", () -> {
            Ticket t = storedTicket();
            Ticket v2 = t.withSubject("Vuosiloman siirto syksyyn").nextVersion(T0.plusSeconds(60));
            HistoryEntry h = new HistoryEntry(t.id(), 2, v2.updatedAt(), MAIJA, HistoryAction.UPDATED,
                    Optional.empty(), List.of(FieldChange.of("subject", t.subject(), v2.subject())));
            return () -> {
                storage.ticketStore().update(new TicketChange(v2, 1, List.of(note(v2, "Soitin.")), List.of(h)));
                return null;
            };
        }));
        cases.add(new Case("TicketStore.find", () -> {
            Ticket t = storedTicket();
            return () -> storage.ticketStore().find(t.id()).orElseThrow();
        }));
        cases.add(new Case("TicketStore.findByKey", () -> {
            Ticket t = storedTicket();
            return () -> storage.ticketStore().findByKey(t.key()).orElseThrow();
        }));
        cases.add(new Case("TicketStore.timeline", () -> {
            Ticket t = storedTicket();
            return () -> storage.ticketStore().timeline(t.id());
        }));
        cases.add(new Case("TicketStore.history", () -> {
            Ticket t = storedTicket();
            return () -> storage.ticketStore().history(t.id());
        }));
        cases.add(new Case("TicketStore.nextNumber (a new prefix)", () -> {
            String prefix = "N" + counter.incrementAndGet();
            return () -> storage.ticketStore().nextNumber(prefix);
        }));
        cases.add(new Case("TicketStore.nextNumber (a known prefix)", () -> {
            storage.ticketStore().nextNumber("KNOWN");
            return () -> storage.ticketStore().nextNumber("KNOWN");
        }));
        cases.add(new Case("TicketStore.query", () -> () -> storage.ticketStore().query(TicketQuery.all())));
        cases.add(new Case("TicketStore.rewrite", () -> {
            Ticket t = storedTicket();
            return () -> {
                if (!storage.ticketStore().rewrite(t.id(), s -> s)) {
                    // unchanged content is not a rewrite, but the ticket must have been found
                    storage.ticketStore().find(t.id()).orElseThrow();
                }
                return null;
            };
        }));
        cases.add(new Case("TicketStore.rewrite (changing the subject)", () -> {
            Ticket t = storedTicket();
            return () -> {
                assertThat(storage.ticketStore().rewrite(t.id(), s -> new dev.tiketti.core.spi.StoredTicket(
                        s.ticket().withSubject("[poistettu]"), s.timeline(), s.history()))).isTrue();
                return null;
            };
        }));
        cases.add(new Case("TicketStore.delete", () -> {
            Ticket t = storedTicket();
            return () -> {
                assertThat(storage.ticketStore().delete(t.id())).isTrue();
                return null;
            };
        }));
        // DefinitionStore
        cases.add(new Case("DefinitionStore.saveType", () -> {
            TicketType type = new TicketType("type-" + counter.incrementAndGet(), TeamId.of("hr"), "HR", "Kysymys",
                    "hr-general", List.of());
            return () -> {
                storage.definitionStore().saveType(type);
                return null;
            };
        }));
        cases.add(new Case("DefinitionStore.findType", () -> {
            TicketType type = new TicketType("type-" + counter.incrementAndGet(), TeamId.of("hr"), "HR", "Kysymys",
                    "hr-general", List.of());
            storage.definitionStore().saveType(type);
            return () -> storage.definitionStore().findType(type.id()).orElseThrow();
        }));
        cases.add(new Case("DefinitionStore.types", () -> () -> storage.definitionStore().types()));
        cases.add(new Case("DefinitionStore.saveWorkflow", () -> {
            String id = "wf-" + counter.incrementAndGet();
            return () -> {
                storage.definitionStore().saveWorkflow(JpaDefinitionAndAttachmentStoreTests.workflow(id, 1, "WAITING"));
                return null;
            };
        }));
        cases.add(new Case("DefinitionStore.findWorkflow", () -> {
            String id = "wf-" + counter.incrementAndGet();
            storage.definitionStore().saveWorkflow(JpaDefinitionAndAttachmentStoreTests.workflow(id, 1, "WAITING"));
            // not read before, so not cached: the store must ask the database
            return () -> storage.definitionStore().findWorkflow(id, 1).orElseThrow();
        }));
        cases.add(new Case("DefinitionStore.latestWorkflow", () ->
                () -> storage.definitionStore().latestWorkflow("hr-general").orElseThrow()));
        // AttachmentStore
        cases.add(new Case("AttachmentStore.put", () -> {
            byte[] content = ("todistus " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            return () -> storage.attachmentStore().put(content);
        }));
        cases.add(new Case("AttachmentStore.get", () -> {
            String sha = storage.attachmentStore().put(("liite " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            return () -> storage.attachmentStore().get(sha).orElseThrow();
        }));
        cases.add(new Case("AttachmentStore.delete", () -> {
            String sha = storage.attachmentStore().put(("liite " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            return () -> {
                assertThat(storage.attachmentStore().delete(sha)).isTrue();
                return null;
            };
        }));
        // ContactStore
        cases.add(new Case("ContactStore.save (new)", () -> {
            Contact c = newContact();
            return () -> {
                storage.contactStore().save(c);
                return null;
            };
        }));
        cases.add(new Case("ContactStore.save (replacing)", () -> {
            Contact c = storedContact();
            return () -> {
                storage.contactStore().save(c);
                return null;
            };
        }));
        cases.add(new Case("ContactStore.find", () -> {
            Contact c = storedContact();
            return () -> storage.contactStore().find(c.id()).orElseThrow();
        }));
        cases.add(new Case("ContactStore.findByEmail", () -> {
            Contact c = storedContact();
            return () -> storage.contactStore().findByEmail(c.emails().get(0)).orElseThrow();
        }));
        // OrganizationStore
        cases.add(new Case("OrganizationStore.save", () -> {
            Organization o = Organization.named("Palkkahallinto " + counter.incrementAndGet());
            return () -> {
                storage.organizationStore().save(o);
                return null;
            };
        }));
        cases.add(new Case("OrganizationStore.find", () -> {
            Organization o = storedOrganization();
            return () -> storage.organizationStore().find(o.id()).orElseThrow();
        }));
        cases.add(new Case("OrganizationStore.all", () -> () -> storage.organizationStore().all()));
        cases.add(new Case("OrganizationStore.saveMembership", () -> {
            Membership m = Membership.of(ContactId.random(), storedOrganization().id(), Membership.MEMBER);
            return () -> {
                storage.organizationStore().saveMembership(m);
                return null;
            };
        }));
        cases.add(new Case("OrganizationStore.removeMembership", () -> {
            Membership m = Membership.of(ContactId.random(), storedOrganization().id(), Membership.MEMBER);
            storage.organizationStore().saveMembership(m);
            return () -> {
                assertThat(storage.organizationStore().removeMembership(m.contact(), m.organization())).isTrue();
                return null;
            };
        }));
        cases.add(new Case("OrganizationStore.membershipsOf", () ->
                () -> storage.organizationStore().membershipsOf(ContactId.random())));
        cases.add(new Case("OrganizationStore.members", () -> {
            Organization o = storedOrganization();
            return () -> storage.organizationStore().members(o.id());
        }));
        // ConsentStore
        cases.add(new Case("ConsentStore.savePurpose", () -> {
            ConsentPurpose p = ConsentPurpose.of("purpose-" + counter.incrementAndGet(), "Kyselyt");
            return () -> {
                storage.consentStore().savePurpose(p);
                return null;
            };
        }));
        cases.add(new Case("ConsentStore.findPurpose", () -> () -> storage.consentStore().findPurpose(SERVICE).orElseThrow()));
        cases.add(new Case("ConsentStore.purposes", () -> () -> storage.consentStore().purposes()));
        cases.add(new Case("ConsentStore.save", () -> {
            Consent c = consent(ContactId.random());
            return () -> {
                storage.consentStore().save(c);
                return null;
            };
        }));
        cases.add(new Case("ConsentStore.find", () -> {
            Consent c = consent(ContactId.random());
            storage.consentStore().save(c);
            return () -> storage.consentStore().find(c.id()).orElseThrow();
        }));
        cases.add(new Case("ConsentStore.forContact", () -> () -> storage.consentStore().forContact(ContactId.random())));
        cases.add(new Case("ConsentStore.deleteForContact", () -> {
            Consent c = consent(ContactId.random());
            storage.consentStore().save(c);
            return () -> {
                assertThat(storage.consentStore().deleteForContact(c.contact())).isEqualTo(1);
                return null;
            };
        }));
        // ConsentRequestStore
        cases.add(new Case("ConsentRequestStore.save", () -> {
            ConsentRequest r = consentRequest();
            return () -> {
                storage.consentRequestStore().save(r);
                return null;
            };
        }));
        cases.add(new Case("ConsentRequestStore.find", () -> {
            ConsentRequest r = storedConsentRequest();
            return () -> storage.consentRequestStore().find(r.id()).orElseThrow();
        }));
        cases.add(new Case("ConsentRequestStore.findByTokenDigest", () -> {
            ConsentRequest r = storedConsentRequest();
            return () -> storage.consentRequestStore().findByTokenDigest(r.tokenDigest()).orElseThrow();
        }));
        cases.add(new Case("ConsentRequestStore.answer", () -> {
            ConsentRequest r = storedConsentRequest();
            ConsentRequest answered = r.answered(ConsentRequest.Status.GIVEN, r.sentAt().plusSeconds(60),
                    "message:<vastaus@example.fi>", r.contact(), Optional.of(ConsentId.random()));
            return () -> {
                assertThat(storage.consentRequestStore().answer(answered)).isTrue();
                return null;
            };
        }));
        cases.add(new Case("ConsentRequestStore.forContact", () -> {
            ConsentRequest r = storedConsentRequest();
            return () -> storage.consentRequestStore().forContact(r.contact().orElseThrow());
        }));
        cases.add(new Case("ConsentRequestStore.delete", () -> {
            ConsentRequest r = storedConsentRequest();
            return () -> {
                assertThat(storage.consentRequestStore().delete(r.id())).isTrue();
                return null;
            };
        }));
        cases.add(new Case("ConsentRequestStore.deleteForContact", () -> {
            ConsentRequest r = storedConsentRequest();
            return () -> storage.consentRequestStore().deleteForContact(r.contact().orElseThrow());
        }));
        cases.add(new Case("ConsentRequestStore.deleteExpired", () ->
                () -> storage.consentRequestStore().deleteExpired(T0.minusSeconds(3600))));
        // AuditLog
        cases.add(new Case("AuditLog.append", () -> {
            AccessRecord r = new AccessRecord(T0, MAIJA, ContactId.random(), SERVICE, List.of("contact"));
            return () -> {
                storage.auditLog().append(r);
                return null;
            };
        }));
        cases.add(new Case("AuditLog.forContact", () -> () -> storage.auditLog().forContact(ContactId.random())));
        // TimerStore
        cases.add(new Case("TimerStore.schedule", () -> {
            TimerId id = newTimer();
            return () -> {
                storage.timerStore().schedule(TimerRequest.of(id, T0));
                return null;
            };
        }));
        cases.add(new Case("TimerStore.cancel", () -> {
            TimerId id = storedTimer();
            return () -> {
                assertThat(storage.timerStore().cancel(id)).isTrue();
                return null;
            };
        }));
        cases.add(new Case("TimerStore.claimDue", () -> {
            TimerId id = storedTimer();
            return () -> {
                assertThat(claim(id)).isNotNull();
                return null;
            };
        }));
        cases.add(new Case("TimerStore.complete", () -> {
            ClaimedTimer claim = claim(storedTimer());
            return () -> {
                assertThat(storage.timerStore().complete(claim)).isTrue();
                return null;
            };
        }));
        cases.add(new Case("TimerStore.release", () -> {
            ClaimedTimer claim = claim(storedTimer());
            return () -> {
                assertThat(storage.timerStore().release(claim, Duration.ofSeconds(5))).isTrue();
                return null;
            };
        }));
        cases.add(new Case("TimerStore.find", () -> {
            TimerId id = storedTimer();
            return () -> storage.timerStore().find(id).orElseThrow();
        }));
        cases.add(new Case("TimerStore.pending", () -> () -> storage.timerStore().pending(10)));
        // OutboxStore
        cases.add(new Case("OutboxStore.append", () -> {
            OutboxEntry entry = outboxEntry();
            return () -> {
                storage.outboxStore().append(List.of(entry), "node-a", LEASE);
                return null;
            };
        }));
        cases.add(new Case("OutboxStore.claim", () -> () -> storage.outboxStore().claim("node-b", LEASE, 10)));
        cases.add(new Case("OutboxStore.delivered", () -> {
            OutboxEntry entry = outboxEntry();
            storage.outboxStore().append(List.of(entry), "node-a", LEASE);
            return () -> {
                assertThat(storage.outboxStore().delivered(List.of(entry.id()))).isEqualTo(1);
                return null;
            };
        }));
        cases.add(new Case("OutboxStore.discard", () -> () -> storage.outboxStore().discard(List.of(
                dev.tiketti.core.common.TicketId.random()))));
        cases.add(new Case("OutboxStore.pending", () -> () -> storage.outboxStore().pending()));
        return cases;
    }

    // ------------------------------------------------------------------------------------- fixtures

    private Ticket newTicketValue() {
        return ticket("BRK", counter.incrementAndGet());
    }

    private Ticket storedTicket() {
        Ticket t = newTicketValue();
        storage.ticketStore().create(t, List.of(note(t, "Ensimmäinen viesti.")), List.of(created(t)));
        return t;
    }

    private Contact newContact() {
        int n = counter.incrementAndGet();
        return Contact.withEmail("Aino Virtanen", "aino.virtanen+" + n + "@example.fi", AssuranceLevel.LOW);
    }

    private Contact storedContact() {
        Contact c = newContact();
        storage.contactStore().save(c);
        return c;
    }

    private Organization storedOrganization() {
        Organization o = Organization.named("Palkkahallinto " + counter.incrementAndGet());
        storage.organizationStore().save(o);
        return o;
    }

    private static Consent consent(ContactId contact) {
        return Consent.given(contact, SERVICE, LegalBasis.CONSENT, "Saamme käsitellä yhteystietojasi.", "2024-05",
                Channel.EMAIL, T0, Optional.of("message:<suostumus@example.fi>"));
    }

    private ConsentRequest consentRequest() {
        String token = "token-" + UUID.randomUUID();
        return ConsentRequest.pending(ConsentRequestId.random(), Optional.of(ContactId.random()),
                "aino.virtanen@example.fi", SERVICE, "Saamme lähettää palautekyselyn.", "2024-05",
                Actor.agent("tuula", "privacy"), T0, T0.plusSeconds(30L * 24 * 3600), sha256(token));
    }

    private ConsentRequest storedConsentRequest() {
        ConsentRequest r = consentRequest();
        storage.consentRequestStore().save(r);
        return r;
    }

    private static String sha256(String token) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private TimerId newTimer() {
        return TimerId.of(TimerKind.of("outage-" + counter.incrementAndGet()), "HR-1");
    }

    private TimerId storedTimer() {
        TimerId id = newTimer();
        storage.timerStore().schedule(TimerRequest.of(id, T0));
        return id;
    }

    private ClaimedTimer claim(TimerId id) {
        List<ClaimedTimer> claims = storage.timerStore().claimDue(Set.of(id.kind()), T0.plusSeconds(60), "node-a",
                LEASE, 10);
        assertThat(claims).extracting(ClaimedTimer::id).containsExactly(id);
        return claims.get(0);
    }

    private static OutboxEntry outboxEntry() {
        return new OutboxEntry(UUID.randomUUID().toString(), "ticket.TicketOpened", T0, 1, "{\"n\":1}");
    }
}
