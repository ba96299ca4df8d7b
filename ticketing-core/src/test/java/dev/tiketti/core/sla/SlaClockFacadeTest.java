package dev.tiketti.core.sla;

import static dev.tiketti.core.sla.SlaClockStory.hki;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.TransitionRequest;
import dev.tiketti.core.workflow.Effect;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * SLA clocks recomputed from what {@link Ticketing} really records, on a pinned clock: the facade's
 * history and timeline format is what {@link SlaClocks#compute} relies on.
 */
class SlaClockFacadeTest {
    static final Actor MAIJA = Actor.agent("maija.virtanen", "hr");

    /** A clock the test moves by hand. */
    static final class PinnedClock extends Clock {
        private Instant now;

        PinnedClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static WorkflowDefinition workflow() {
        return WorkflowDefinition.builder("hr-general")
                .state("NEW", StateCategory.NEW)
                .state("OPEN", StateCategory.OPEN)
                .state("WAITING_FOR_CUSTOMER", StateCategory.WAITING)
                .state("RESOLVED", StateCategory.RESOLVED)
                .state("CLOSED", StateCategory.CLOSED)
                .transition("start").from("NEW").to("OPEN").requires(Guard.actorHasRole("hr")).then(Effect.assignToActor())
                .transition("ask-customer").from("OPEN").to("WAITING_FOR_CUSTOMER")
                .transition("customer-replied").from("WAITING_FOR_CUSTOMER").to("OPEN")
                .transition("resolve").from("OPEN", "WAITING_FOR_CUSTOMER").to("RESOLVED")
                    .requires(Guard.resolutionRequired())
                    .then(Effect.addNote("Resolved: {transition}"))
                .transition("close").from("RESOLVED").to("CLOSED")
                .build();
    }

    @Test
    void clocksRecomputedFromTheFacadesHistoryAndTimeline() throws IOException {
        PinnedClock clock = new PinnedClock(hki("2023-12-29T15:30"));
        Ticketing ticketing = Ticketing.builder().inMemory().clock(clock).build();
        ticketing.definitions().publishWorkflow(workflow());
        ticketing.definitions().defineType(new TicketType("annual-leave", TeamId.of("hr"), "HR", "Annual leave question",
                "hr-general", List.of()));
        Contact aino = ticketing.privacy().register().save(Contact.withEmail("Aino Järvinen", "aino.jarvinen@example.fi",
                AssuranceLevel.LOW));
        SlaPolicy policy = SlaClockTest.POLICY;

        // Friday 29 Dec 2023 15:30, before the New Year weekend.
        TicketId id = ticketing.tickets().open(OpenTicket.of("annual-leave", aino.id(), "Lomapäivät", Channel.EMAIL)
                .body("Hei, lomapäiväni puuttuvat.")).id();
        clock.set(hki("2024-01-02T08:30"));
        ticketing.tickets().addEntry(NewEntry.note(id, MAIJA, "Tarkistan palkkajärjestelmästä."));
        clock.set(hki("2024-01-02T08:45"));
        ticketing.tickets().transition(TransitionRequest.of(id, "start", MAIJA));
        clock.set(hki("2024-01-02T09:00"));
        ticketing.tickets().transition(TransitionRequest.of(id, "ask-customer", MAIJA));
        // The customer answers on Wednesday; the message and the transition share one instant.
        clock.set(hki("2024-01-03T10:00"));
        ticketing.tickets().addEntry(NewEntry.inbound(id, Actor.contact(aino.id()), Channel.EMAIL, "Vuodelta 2023."));
        ticketing.tickets().transition(TransitionRequest.of(id, "customer-replied", MAIJA));
        clock.set(hki("2024-01-03T10:30"));
        ticketing.tickets().addEntry(NewEntry.reply(id, MAIJA, "Korjasin lomasaldon."));
        clock.set(hki("2024-01-03T14:00"));
        ticketing.tickets().addEntry(NewEntry.inbound(id, Actor.contact(aino.id()), Channel.EMAIL, "Entä vuosi 2022?"));
        clock.set(hki("2024-01-04T09:00"));
        ticketing.tickets().transition(TransitionRequest.of(id, "resolve", MAIJA).resolution("Saldot korjattu."));
        clock.set(hki("2024-01-05T12:00"));

        // tag::facade[]
        Ticket ticket = ticketing.tickets().get(id);
        SlaClocks clocks = SlaClocks.compute(ticket, ticketing.tickets().history(id), ticketing.tickets().timeline(id),
                ticketing.definitions().workflow(ticket.workflowId(), ticket.workflowVersion()).orElseThrow(),
                policy, BusinessCalendars.finland(), ticketing.clock().instant());
        // end::facade[]

        // First response: 30 min on Friday, 1 h on Tuesday until the pause, 30 min on Wednesday.
        SlaClock fr = clocks.clock(SlaTarget.FIRST_RESPONSE).orElseThrow();
        assertThat(fr.status()).isEqualTo(SlaClockStatus.MET);
        assertThat(fr.used()).isEqualTo(Duration.ofHours(2));
        assertThat(fr.metAt()).contains(hki("2024-01-03T10:30"));
        // Next response: started by Wednesday's 14:00 message, due at 16:00, answered only by the resolution.
        SlaClock nr = clocks.clock(SlaTarget.NEXT_RESPONSE).orElseThrow();
        assertThat(nr.startedAt()).isEqualTo(hki("2024-01-03T14:00"));
        assertThat(nr.status()).isEqualTo(SlaClockStatus.BREACHED);
        assertThat(nr.breachedAt()).contains(hki("2024-01-03T16:00"));
        assertThat(nr.metAt()).contains(hki("2024-01-04T09:00"));
        // Resolution: 0.5 + 1 + 6 + 1 hours.
        SlaClock res = clocks.clock(SlaTarget.RESOLUTION).orElseThrow();
        assertThat(res.status()).isEqualTo(SlaClockStatus.MET);
        assertThat(res.used()).isEqualTo(Duration.ofMinutes(510));

        // What a host would have applied live, change by change, gives the same clocks.
        List<HistoryEntry> history = ticketing.tickets().history(id);
        List<TimelineEntry> timeline = ticketing.tickets().timeline(id);
        assertThat(history).hasSize(9);
        SlaClockTracker live = SlaClockTracker.start(policy, BusinessCalendars.finland(), ticket.createdAt(),
                StateCategory.NEW);
        var categories = SlaClocks.categories(workflow());
        int t = 1; // the opening message came with the ticket
        for (HistoryEntry h : history.subList(1, history.size())) {
            if (h.action() == dev.tiketti.core.ticket.HistoryAction.ENTRY_ADDED) {
                var e = SlaClockEvent.of(timeline.get(t++));
                if (e.isPresent()) {
                    live = live.apply(e.get());
                }
            } else {
                var e = SlaClockEvent.of(h, categories);
                if (e.isPresent()) {
                    live = live.apply(e.get());
                }
                if (h.transition().equals(java.util.Optional.of("resolve"))) {
                    t++; // the workflow effect's note
                }
            }
        }
        assertThat(live.clocksAt(clock.instant())).isEqualTo(clocks);

        String guide = Files.readString(Path.of("../docs/sla.md"));
        Matcher inGuide = Pattern.compile("<!-- clock-snippet:facade[^>]*-->\\s*```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(guide);
        Matcher inSource = Pattern.compile("// tag::facade\\[]\\n(.*?)\\s*// end::facade\\[]", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("src/test/java/dev/tiketti/core/sla/SlaClockFacadeTest.java")));
        assertThat(inGuide.find()).as("docs/sla.md shows the facade snippet").isTrue();
        assertThat(inSource.find()).isTrue();
        assertThat(dedent(inGuide.group(1))).isEqualTo(dedent(inSource.group(1)));
    }

    private static String dedent(String block) {
        String[] lines = block.stripTrailing().split("\n");
        int indent = Arrays.stream(lines).filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return Arrays.stream(lines).map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
                .collect(Collectors.joining("\n"));
    }
}
