package dev.tiketti.benchmarks.lifecycle;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.TicketingBuilder;
import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.inmemory.InMemoryErasureJournal;
import dev.tiketti.core.inmemory.RecordingOutboundTransport;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.sla.BusinessCalendars;
import dev.tiketti.core.sla.SlaPolicies;
import dev.tiketti.core.sla.SlaPolicy;
import dev.tiketti.core.sla.SlaTarget;
import dev.tiketti.core.sla.SlaTimerKinds;
import dev.tiketti.core.sla.TimerId;
import dev.tiketti.core.spi.TimerStore;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.ticket.TransitionRequest;
import dev.tiketti.core.workflow.Effect;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.core.workflow.WorkflowDefinition;
import dev.tiketti.jpa.JpaStorage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Tiketti through its facade on {@link JpaStorage}: open, then triage, resolve and close, each in
 * its own transaction, with guards, effects, history, the version check, and SLA clocks: the
 * facade's own SLA wiring ({@code slaPolicies} + the JPA timer store) keeps a durable breach timer
 * per running target, scheduled, re-scheduled and cancelled in the same transaction as the change.
 */
public final class TikettiLifecycle implements Lifecycle {
    static final String TYPE = "annual-leave";
    static final Contact AINO = Contact.withEmail("Aino Virtanen", "aino.virtanen@example.fi", AssuranceLevel.LOW);
    static final Actor MAIJA = Actor.agent("maija", "hr");

    private final JpaStorage storage;
    private final Ticketing ticketing;
    private final TimerStore timers;
    private final boolean outbox;
    private final AtomicLong delivered = new AtomicLong();

    TikettiLifecycle(DataSource dataSource) {
        this(dataSource, false);
    }

    /** With {@code outbox}, events go through the transactional outbox to one listener that counts them. */
    TikettiLifecycle(DataSource dataSource, boolean outbox) {
        this(JpaStorage.builder().dataSource(dataSource).migrate(true).build(), outbox);
    }

    TikettiLifecycle(JpaStorage storage) {
        this(storage, false);
    }

    private TikettiLifecycle(JpaStorage storage, boolean outbox) {
        this.storage = storage;
        this.timers = storage.timerStore();
        this.outbox = outbox;
        TicketingBuilder builder = Ticketing.builder();
        if (outbox) {
            builder.outboxStore(storage.outboxStore()).listener(event -> delivered.incrementAndGet());
        }
        this.ticketing = builder
                .ticketStore(storage.ticketStore())
                .definitionStore(storage.definitionStore())
                .attachmentStore(storage.attachmentStore())
                .contactStore(storage.contactStore())
                .organizationStore(storage.organizationStore())
                .consentStore(storage.consentStore())
                .consentRequestStore(storage.consentRequestStore())
                .auditLog(storage.auditLog())
                .erasureJournal(new InMemoryErasureJournal()) // unused here; JpaStorage has none
                .transactions(storage.transactions())
                .timerStore(timers)
                .slaPolicies(policies())
                .outboundTransport(new RecordingOutboundTransport()) // no message is sent in this lifecycle
                // No search index: indexing is optional (R3) and not part of issue #5's lifecycle; with
                // one, each change would re-read ticket, requester and timeline after commit.
                .build();
        ticketing.privacy().register().save(AINO);
        WorkflowDefinition workflow = ticketing.definitions().publishWorkflow(workflow());
        ticketing.definitions().defineType(new TicketType(TYPE, TeamId.of("hr"), "HR", "Annual leave question", workflow.id(),
                List.of(FieldDefinition.number("leaveYear").required(), FieldDefinition.text("outcome"))));
    }

    /** First response in 4 business hours, resolution in 40, on the Finnish calendar; no warnings. */
    static SlaPolicies policies() {
        SlaPolicy policy = SlaPolicy.builder("hr-standard", "fi").firstResponse(Duration.ofHours(4))
                .resolution(Duration.ofHours(40)).build();
        return SlaPolicies.builder().calendar("fi", BusinessCalendars.finland()).policy(policy)
                .fallback("hr-standard").build();
    }
    static WorkflowDefinition workflow() {
        return WorkflowDefinition.builder("hr-general")
                .state("NEW", StateCategory.NEW).state("OPEN", StateCategory.OPEN)
                .state("RESOLVED", StateCategory.RESOLVED).state("CLOSED", StateCategory.CLOSED)
                .transition("triage").from("NEW").to("OPEN")
                    .requires(Guard.actorHasRole("hr")).then(Effect.assignToActor())
                .transition("resolve").from("OPEN").to("RESOLVED")
                    .requires(Guard.assigneeRequired(), Guard.resolutionRequired())
                    .then(Effect.setField("outcome", "answered"))
                .transition("close").from("RESOLVED").to("CLOSED")
                    .requires(Guard.actorHasRole("hr")).then(Effect.addNote("Closed after the answer was accepted."))
                .build();
    }

    @Override
    public String run() {
        Ticket t = ticketing.tickets().open(OpenTicket.of(TYPE, AINO.id(), "Vuosiloman siirto", Channel.EMAIL)
                .body("Voinko siirtää lomani syksyyn?").field("leaveYear", 2026));
        t = ticketing.tickets().transition(TransitionRequest.of(t.id(), "triage", MAIJA).expectedVersion(t.version()));
        t = ticketing.tickets().transition(TransitionRequest.of(t.id(), "resolve", MAIJA).resolution("Loma siirretty lokakuulle")
                .expectedVersion(t.version()));
        t = ticketing.tickets().transition(TransitionRequest.of(t.id(), "close", MAIJA).expectedVersion(t.version()));
        return t.id().toString();
    }

    /** Whether the ticket has an SLA breach timer scheduled for any target. */
    boolean hasSlaTimer(TicketId id) {
        return Arrays.stream(SlaTarget.values()).anyMatch(target -> timers.find(
                TimerId.forTicket(SlaTimerKinds.BREACH, id, SlaTimerKinds.qualifier(target))).isPresent());
    }

    @Override
    public boolean completed(String id) {
        Ticket t = ticketing.tickets().get(TicketId.of(id));
        List<HistoryEntry> history = ticketing.tickets().history(t.id());
        boolean eventsDelivered = !outbox || (delivered.get() > 0 && storage.outboxStore().pending() == 0);
        return eventsDelivered && t.state().equals("CLOSED") && t.version() == 4 && history.size() == 4
                && t.fields().has("outcome")
                && ticketing.sla().clocks(t.id()).clock(SlaTarget.RESOLUTION).map(c -> !c.open()).orElse(false)
                && !hasSlaTimer(t.id());
    }

    @Override
    public void close() {
        storage.close();
    }
}
