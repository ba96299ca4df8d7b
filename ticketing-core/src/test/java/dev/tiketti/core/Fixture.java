package dev.tiketti.core;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.inmemory.RecordingOutboundTransport;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.ticket.TransitionRequest;
import dev.tiketti.core.workflow.Effect.Notify.Recipient;
import dev.tiketti.core.workflow.Effect;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Ticketing on the in-memory stores with a clock the test moves, and an HR process to work with. */
final class Fixture {
    static final TeamId HR = TeamId.of("hr");
    static final Instant START = Instant.parse("2025-03-03T08:00:00Z");

    final MovingClock clock = new MovingClock(START);
    final RecordingOutboundTransport outbox = new RecordingOutboundTransport();
    final List<TicketEvent> events = new CopyOnWriteArrayList<>();
    final Ticketing ticketing = Ticketing.builder().outboundTransport(outbox).inMemory().clock(clock)
            .listener(events::add).build();
    final Contact requester;
    final Actor maija = Actor.agent("maija", "hr");
    final Actor lead = Actor.agent("kaisa", "hr", "hr-lead");

    Fixture() {
        requester = ticketing.privacy().register().save(
                Contact.withEmail("Aino Virtanen", "aino.virtanen@example.fi", AssuranceLevel.LOW));
    }

    /** NEW -> OPEN -> (WAITING) -> RESOLVED -> CLOSED with every guard and effect kind somewhere. */
    static WorkflowDefinition.TransitionBuilder hrWorkflow() {
        return WorkflowDefinition.builder("hr-general")
                .state("NEW", StateCategory.NEW)
                .state("OPEN", StateCategory.OPEN)
                .state("WAITING", StateCategory.WAITING)
                .state("RESOLVED", StateCategory.RESOLVED)
                .state("CLOSED", StateCategory.CLOSED)
                .transition("start").from("NEW").to("OPEN")
                    .requires(Guard.actorHasRole("hr")).then(Effect.assignToActor())
                .transition("ask").from("OPEN").to("WAITING")
                    .then(Effect.notify(Recipient.REQUESTER, "About {key} ({subject}): please reply. State {state} via {transition}."))
                .transition("replied").from("WAITING").to("OPEN")
                .transition("resolve").from("OPEN", "WAITING").to("RESOLVED")
                    .requires(Guard.resolutionRequired(), Guard.fieldRequired("decision"), Guard.assigneeRequired())
                    .then(Effect.setField("outcome", "done"), Effect.notify(Recipient.ASSIGNEE, "{key} resolved"))
                .transition("escalate").from("OPEN").to("OPEN")
                    .requires(Guard.actorHasRole("hr-lead"), Guard.requesterAssurance(AssuranceLevel.SUBSTANTIAL))
                    .then(Effect.assignTo("kaisa"), Effect.addNote("Escalated on {key}"),
                            Effect.notify(Recipient.TEAM, "{key} escalated"))
                .transition("release").from("OPEN").to("NEW").then(Effect.unassign(),
                            Effect.notify(Recipient.ASSIGNEE, "{key} released"))
                .transition("close").from("RESOLVED").to("CLOSED");
    }

    static TicketType leaveType() {
        return new TicketType("annual-leave", HR, "HR", "Annual leave question", "hr-general", List.of(
                FieldDefinition.number("leaveYear").required().min(2020).max(2100),
                FieldDefinition.text("decision"),
                FieldDefinition.choice("outcome", "done", "refused")));
    }

    Fixture withHrSetup() {
        ticketing.definitions().publishWorkflow(hrWorkflow().build());
        ticketing.definitions().defineType(leaveType());
        return this;
    }

    OpenTicket leaveRequest() {
        return OpenTicket.of("annual-leave", requester.id(), "Vuosiloman siirto", Channel.EMAIL)
                .body("Voinko siirtää kesälomani elokuulle?").field("leaveYear", 2025);
    }

    Ticket open() {
        return ticketing.tickets().open(leaveRequest());
    }

    Ticket take(Ticket t, String transition, Actor actor) {
        return ticketing.tickets().transition(TransitionRequest.of(t.id(), transition, actor));
    }

    /** A clock the test moves forward; never reads the wall clock. */
    static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
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
}
