package dev.tiketti.jpa;

import static dev.tiketti.jpa.testing.Fixtures.T0;
import static dev.tiketti.jpa.testing.Fixtures.created;
import static dev.tiketti.jpa.testing.Fixtures.note;
import static dev.tiketti.jpa.testing.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.privacy.AccessRecord;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Consent;
import dev.tiketti.core.privacy.ConsentRequest;
import dev.tiketti.core.privacy.ConsentRequestId;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.LegalBasis;
import dev.tiketti.core.privacy.Membership;
import dev.tiketti.core.privacy.Organization;
import dev.tiketti.core.privacy.PurposeId;
import dev.tiketti.core.privacy.ServiceContract;
import dev.tiketti.core.spi.TicketChange;
import dev.tiketti.core.ticket.FieldChange;
import dev.tiketti.core.ticket.HistoryAction;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketUpdate;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.Visibility;
import dev.tiketti.core.ticket.EntryKind;
import dev.tiketti.jpa.testing.CapturedLog;
import dev.tiketti.jpa.testing.TicketWorkload;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue #20, item 3: a text the database refuses (too long for its column; on PostgreSQL also a
 * U+0000 character, SQL state 22021) must not come back in the exception or the log. Each case
 * writes an invented value holding a marker through a store (and a few through {@link Ticketing}),
 * checks that the database itself refused it (the message names SQL state 22xxx), then looks for
 * the marker everywhere in the exception (messages, {@code toString}, causes, suppressed, the
 * next exceptions of SQLExceptions, the printed stack trace) and in everything logged meanwhile.
 * The driver runs with its defaults (pgjdbc: {@code logServerErrorDetail=true}), the worst case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaPersonalDataInFailuresTests {
    /** Invented; lower case because e-mail addresses are stored lower-cased. */
    static final String MARKER = "kukkamaa-merkki";
    private static final String NUL = "\u0000";
    private static final PurposeId SERVICE = PurposeId.of("service-requests");

    private final AtomicInteger counter = new AtomicInteger();
    private JpaStorage storage;
    private Ticketing ticketing;
    private Ticket stored;

    abstract DataSource dataSource();

    /** Whether the database refuses U+0000 in text (PostgreSQL does, H2 keeps it). */
    abstract boolean refusesNul();

    @BeforeAll
    void start() {
        storage = JpaStorage.builder().dataSource(dataSource()).migrate(true).build();
        ticketing = Ticketing.builder().storage(storage).inMemory().build();
        new TicketWorkload(ticketing, 1, 1).prepare();
        stored = storedTicket();
    }

    @AfterAll
    void stop() {
        storage.close();
    }

    private record Case(String name, Runnable failing) {
    }

    @TestFactory
    Stream<DynamicTest> a_refused_text_appears_neither_in_the_exception_nor_in_the_log() {
        List<Case> cases = new ArrayList<>(tooLong());
        if (refusesNul()) {
            cases.addAll(withNul());
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(Case c) {
        Throwable thrown;
        String logged;
        try (CapturedLog log = CapturedLog.start()) {
            thrown = catchThrowable(c.failing()::run);
            logged = log.text();
        }
        assertThat(thrown).as(c.name()).isInstanceOf(TicketingException.class);
        // The database refused it (not a check in core): the message names its SQL state.
        assertThat(((TicketingException) thrown).code()).as(c.name()).isEqualTo(ErrorCode.STORAGE_FAILURE);
        assertThat(thrown.getMessage()).as(c.name()).containsPattern("SQL state 22[0-9A-Z]{3}");
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(everything(thrown).toLowerCase(Locale.ROOT)).as("the exception of %s", c.name())
                    .doesNotContain(MARKER);
            soft.assertThat(logged.toLowerCase(Locale.ROOT)).as("the log of %s", c.name()).doesNotContain(MARKER);
        });
    }

    /** Every text the exception holds: its printed stack trace, and each throwable reachable from it. */
    static String everything(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out, true));
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> todo = new ArrayList<>(List.of(e));
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(todo.size() - 1);
            if (t == null || !seen.add(t)) {
                continue;
            }
            out.append('\n').append(String.valueOf(t.getMessage())).append('\n')
                    .append(String.valueOf(t.getLocalizedMessage())).append('\n').append(t.toString());
            todo.add(t.getCause());
            todo.addAll(List.of(t.getSuppressed()));
            if (t instanceof SQLException s) {
                todo.add(s.getNextException());
                s.forEach(todo::add);
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------------------------- cases

    private List<Case> tooLong() {
        String agent = MARKER + "-" + "x".repeat(200); // agent ids are VARCHAR(200)
        String email = MARKER + "." + "x".repeat(320) + "@example.fi"; // addresses are VARCHAR(320)
        return List.of(
                new Case("a contact's e-mail address (ContactStore.save)", () -> storage.contactStore().save(
                        Contact.withEmail("Aino Virtanen", email, AssuranceLevel.LOW))),
                new Case("a contact's e-mail address (Ticketing: register().save)", () ->
                        ticketing.privacy().register().save(Contact.withEmail("Aino Virtanen", email,
                                AssuranceLevel.LOW))),
                new Case("the assignee of a new ticket (TicketStore.create)", () -> {
                    Ticket t = newTicket().withAssignee(Optional.of(AgentId.of(agent)));
                    storage.ticketStore().create(t, List.of(), List.of(created(t)));
                }),
                new Case("the assignee of a changed ticket (TicketStore.update)", () -> {
                    Ticket v2 = stored.withAssignee(Optional.of(AgentId.of(agent))).nextVersion(T0.plusSeconds(60));
                    storage.ticketStore().update(new TicketChange(v2, stored.version(), List.of(), List.of(
                            history(v2, Actor.agent("maija", "hr"), FieldChange.of("assignee", null, agent)))));
                }),
                new Case("the assignee (Ticketing: tickets().update)", () -> {
                    Ticket t = ticketing.tickets().query(dev.tiketti.core.ticket.TicketQuery.all()).get(0);
                    ticketing.tickets().update(TicketUpdate.of(t.id(), Actor.agent("maija", "hr"))
                            .assignTo(AgentId.of(agent)));
                }),
                new Case("the author of a timeline entry (TicketStore.update)", () -> {
                    Ticket v2 = stored.nextVersion(T0.plusSeconds(60));
                    TimelineEntry entry = new TimelineEntry(UUID.randomUUID(), v2.id(), EntryKind.INTERNAL_NOTE,
                            Actor.agent(agent, "hr"), Visibility.INTERNAL, Channel.OTHER, "Soitin.", List.of(),
                            v2.updatedAt());
                    storage.ticketStore().update(new TicketChange(v2, stored.version(), List.of(entry), List.of(
                            history(v2, Actor.agent("maija", "hr"), FieldChange.of("timeline", null, "note")))));
                }),
                new Case("the actor of a history entry (TicketStore.update)", () -> {
                    Ticket v2 = stored.nextVersion(T0.plusSeconds(60));
                    storage.ticketStore().update(new TicketChange(v2, stored.version(), List.of(), List.of(
                            history(v2, Actor.agent(agent, "hr"), FieldChange.of("priority", "NORMAL", "HIGH")))));
                }),
                new Case("the reader in an access record (AuditLog.append)", () -> storage.auditLog().append(
                        new AccessRecord(T0, Actor.agent(agent, "hr"), ContactId.random(), SERVICE,
                                List.of("contact")))),
                new Case("the address of a consent request (ConsentRequestStore.save)", () ->
                        storage.consentRequestStore().save(consentRequest(email, "Saamme lähettää kyselyn."))));
    }

    private List<Case> withNul() {
        String text = "Aino Virtanen " + MARKER + NUL + " soitti";
        return List.of(
                new Case("the subject of a new ticket (TicketStore.create)", () -> {
                    Ticket t = newTicket().withSubject(text);
                    storage.ticketStore().create(t, List.of(), List.of(created(t)));
                }),
                new Case("the first message of a new ticket (TicketStore.create)", () -> {
                    Ticket t = newTicket();
                    storage.ticketStore().create(t, List.of(note(t, text)), List.of(created(t)));
                }),
                new Case("the subject of a changed ticket (TicketStore.update)", () -> {
                    Ticket v2 = stored.withSubject(text).nextVersion(T0.plusSeconds(60));
                    storage.ticketStore().update(new TicketChange(v2, stored.version(), List.of(), List.of(
                            history(v2, Actor.agent("maija", "hr"), FieldChange.of("priority", "NORMAL", "HIGH")))));
                }),
                new Case("the resolution of a changed ticket (TicketStore.update)", () -> {
                    Ticket v2 = stored.withResolution(Optional.of(text)).nextVersion(T0.plusSeconds(60));
                    storage.ticketStore().update(new TicketChange(v2, stored.version(), List.of(), List.of(
                            history(v2, Actor.agent("maija", "hr"), FieldChange.of("priority", "NORMAL", "HIGH")))));
                }),
                new Case("a note (TicketStore.update)", () -> {
                    Ticket v2 = stored.nextVersion(T0.plusSeconds(60));
                    storage.ticketStore().update(new TicketChange(v2, stored.version(), List.of(note(v2, text)),
                            List.of(history(v2, Actor.agent("maija", "hr"), FieldChange.of("timeline", null, "note")))));
                }),
                new Case("a changed value in the history (TicketStore.update)", () -> {
                    Ticket v2 = stored.nextVersion(T0.plusSeconds(60));
                    storage.ticketStore().update(new TicketChange(v2, stored.version(), List.of(), List.of(
                            history(v2, Actor.agent("maija", "hr"), FieldChange.of("subject", "Loma", text)))));
                }),
                new Case("a contact's name (ContactStore.save)", () -> storage.contactStore().save(
                        Contact.withEmail(text, "aino.virtanen@example.fi", AssuranceLevel.LOW))),
                new Case("an organisation's name (OrganizationStore.save)", () -> storage.organizationStore().save(
                        Organization.named(text))),
                new Case("a membership's contract reference (OrganizationStore.saveMembership)", () ->
                        storage.organizationStore().saveMembership(Membership.of(ContactId.random(),
                                storedOrganization().id(), Membership.MEMBER).withContract(
                                        ServiceContract.from(text, LocalDate.of(2025, 1, 1))))),
                new Case("the text of a consent (ConsentStore.save)", () -> storage.consentStore().save(Consent.given(
                        ContactId.random(), SERVICE, LegalBasis.CONSENT, text, "2024-05", Channel.EMAIL, T0,
                        Optional.empty()))),
                new Case("the text of a consent request (ConsentRequestStore.save)", () ->
                        storage.consentRequestStore().save(consentRequest("aino.virtanen@example.fi", text))));
    }

    // ------------------------------------------------------------------------------------- fixtures

    private Ticket newTicket() {
        return ticket("PII", counter.incrementAndGet());
    }

    private Ticket storedTicket() {
        Ticket t = newTicket();
        storage.ticketStore().create(t, List.of(), List.of(created(t)));
        return t;
    }

    private Organization storedOrganization() {
        Organization o = Organization.named("Palkkahallinto");
        storage.organizationStore().save(o);
        return o;
    }

    private static HistoryEntry history(Ticket v2, Actor actor, FieldChange change) {
        return new HistoryEntry(v2.id(), v2.version(), v2.updatedAt(), actor, HistoryAction.UPDATED, Optional.empty(),
                List.of(change));
    }

    private static ConsentRequest consentRequest(String email, String text) {
        return ConsentRequest.pending(ConsentRequestId.random(), Optional.of(ContactId.random()), email, SERVICE, text,
                "2024-05", Actor.agent("tuula", "privacy"), T0, T0.plusSeconds(30L * 24 * 3600),
                (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", ""));
    }
}
