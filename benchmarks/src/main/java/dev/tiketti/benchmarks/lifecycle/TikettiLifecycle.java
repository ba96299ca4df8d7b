package dev.tiketti.benchmarks.lifecycle;

import dev.tiketti.core.Actor;
import dev.tiketti.core.Channel;
import dev.tiketti.core.TeamId;
import dev.tiketti.core.Ticketing;
import dev.tiketti.core.TransitionRequest;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.OpenTicket;
import dev.tiketti.core.TicketId;
import dev.tiketti.core.sla.BusinessCalendar;
import dev.tiketti.core.sla.BusinessCalendars;
import dev.tiketti.core.sla.SlaClockEvent;
import dev.tiketti.core.sla.SlaClockTracker;
import dev.tiketti.core.sla.SlaPolicy;
import dev.tiketti.core.sla.TimerId;
import dev.tiketti.core.sla.TimerKind;
import dev.tiketti.core.sla.TimerRequest;
import dev.tiketti.core.spi.TimerStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.Effect;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.core.workflow.StateCategory;
import dev.tiketti.core.workflow.WorkflowDefinition;
import dev.tiketti.jpa.JpaStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Tiketti through its facade on {@link JpaStorage}: open, then triage, resolve and close, each in
 * its own transaction, with guards, effects, history, the version check, and the SLA clocks of an
 * SLA policy whose next due instant is kept in a durable timer (scheduled, re-scheduled, cancelled)
 * in the same transaction as the change.
 */
public final class TikettiLifecycle implements Lifecycle {
    static final String TYPE = "annual-leave";
    static final TimerKind SLA_DUE = TimerKind.of("sla.due");
    static final Contact AINO = Contact.withEmail("Aino Virtanen", "aino.virtanen@example.fi", AssuranceLevel.LOW);
    static final Actor MAIJA = Actor.agent("maija", "hr");

    private final JpaStorage storage;
    private final Ticketing ticketing;
    private final Transactions tx;
    private final TimerStore timers;
    private final SlaPolicy policy;
    private final BusinessCalendar calendar = BusinessCalendars.finland();
    private final Map<String, StateCategory> categories;

    TikettiLifecycle(DataSource dataSource) {
        this(JpaStorage.builder().dataSource(dataSource).migrate(true).build());
    }

    TikettiLifecycle(JpaStorage storage) {
        this.storage = storage;
        this.tx = storage.transactions();
        this.timers = storage.timerStore();
        this.ticketing = Ticketing.builder()
                .ticketStore(storage.ticketStore())
                .definitionStore(storage.definitionStore())
                .attachmentStore(storage.attachmentStore())
                .contactStore(storage.contactStore())
                .transactions(tx)
                .inMemory() // only the outbound transport is left: it records
                .build();
        ticketing.registerContact(AINO);
        WorkflowDefinition workflow = ticketing.publishWorkflow(workflow());
        categories = Map.of("NEW", StateCategory.NEW, "OPEN", StateCategory.OPEN,
                "RESOLVED", StateCategory.RESOLVED, "CLOSED", StateCategory.CLOSED);
        ticketing.defineType(new TicketType(TYPE, TeamId.of("hr"), "HR", "Annual leave question", workflow.id(),
                List.of(FieldDefinition.number("leaveYear").required(), FieldDefinition.text("outcome"))));
        policy = SlaPolicy.builder("hr-standard", "fi").firstResponse(Duration.ofHours(4))
                .resolution(Duration.ofHours(40)).build();
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
        SlaClockTracker[] sla = new SlaClockTracker[1];
        Ticket opened = tx.inTransaction(() -> {
            Ticket t = ticketing.open(OpenTicket.of(TYPE, AINO.id(), "Vuosiloman siirto", Channel.EMAIL)
                    .body("Voinko siirtää lomani syksyyn?").field("leaveYear", 2026));
            sla[0] = SlaClockTracker.start(policy, calendar, t.createdAt(), StateCategory.NEW);
            sla(t, sla[0]);
            return t;
        });
        Ticket t = step(opened, TransitionRequest.of(opened.id(), "triage", MAIJA), sla);
        t = step(t, TransitionRequest.of(t.id(), "resolve", MAIJA).resolution("Loma siirretty lokakuulle"), sla);
        t = step(t, TransitionRequest.of(t.id(), "close", MAIJA), sla);
        return t.id().toString();
    }

    private Ticket step(Ticket before, TransitionRequest request, SlaClockTracker[] sla) {
        return tx.inTransaction(() -> {
            Ticket after = ticketing.transition(request.expectedVersion(before.version()));
            sla[0] = sla[0].apply(new SlaClockEvent.StateEntered(after.updatedAt(), categories.get(after.state())));
            sla(after, sla[0]);
            return after;
        });
    }

    /** Keeps the ticket's one SLA timer at the next due instant, or cancels it when no clock runs. */
    private void sla(Ticket t, SlaClockTracker tracker) {
        TimerId id = new TimerId(SLA_DUE, t.id().toString());
        Instant now = t.updatedAt();
        tracker.clocksAt(now).nextDue().ifPresentOrElse(due -> timers.schedule(TimerRequest.of(id, due)),
                () -> timers.cancel(id));
    }

    @Override
    public boolean completed(String id) {
        Ticket t = ticketing.get(TicketId.of(id));
        List<HistoryEntry> history = ticketing.history(t.id());
        return t.state().equals("CLOSED") && t.version() == 4 && history.size() == 4
                && t.fields().has("outcome")
                && timers.find(new TimerId(SLA_DUE, id)).isEmpty();
    }

    @Override
    public void close() {
        storage.close();
    }
}
