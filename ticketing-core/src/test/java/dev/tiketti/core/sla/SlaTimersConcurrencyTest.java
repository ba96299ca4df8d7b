package dev.tiketti.core.sla;

import static dev.tiketti.core.sla.SlaClockStory.hki;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.inmemory.InMemoryAttachmentStore;
import dev.tiketti.core.inmemory.InMemoryAuditLog;
import dev.tiketti.core.inmemory.InMemoryConsentStore;
import dev.tiketti.core.inmemory.InMemoryContactStore;
import dev.tiketti.core.inmemory.InMemoryDefinitionStore;
import dev.tiketti.core.inmemory.InMemoryErasureJournal;
import dev.tiketti.core.inmemory.InMemoryOrganizationStore;
import dev.tiketti.core.inmemory.InMemoryTicketStore;
import dev.tiketti.core.inmemory.InMemoryTimerStore;
import dev.tiketti.core.inmemory.RecordingOutboundTransport;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.ticket.OpenTicket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two {@link Ticketing} instances ("nodes") share one ticket store and one timer store and tick
 * from several threads at once: every warning, breach and reminder takes effect exactly once.
 */
class SlaTimersConcurrencyTest {
    static final int TICKETS = 40;
    static final int THREADS_PER_NODE = 3;

    final SlaTimersFacadeTest.TestClock clock = new SlaTimersFacadeTest.TestClock(hki("2023-12-29T15:30"));
    final InMemoryTicketStore ticketStore = new InMemoryTicketStore();
    final InMemoryDefinitionStore definitions = new InMemoryDefinitionStore();
    final InMemoryContactStore contacts = new InMemoryContactStore();
    final InMemoryAttachmentStore attachments = new InMemoryAttachmentStore();
    final InMemoryTimerStore timers = new InMemoryTimerStore(clock);
    final InMemoryOrganizationStore organizations = new InMemoryOrganizationStore();
    final InMemoryConsentStore consents = new InMemoryConsentStore();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final InMemoryErasureJournal journal = new InMemoryErasureJournal();
    final dev.tiketti.core.inmemory.InMemoryConsentRequestStore requests =
            new dev.tiketti.core.inmemory.InMemoryConsentRequestStore();
    final List<TicketEvent> events = new CopyOnWriteArrayList<>();
    final ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);

    Ticketing node(String owner) {
        return Ticketing.builder().ticketStore(ticketStore).definitionStore(definitions).contactStore(contacts)
                .attachmentStore(attachments).timerStore(timers)
                .organizationStore(organizations).consentStore(consents).auditLog(audit).erasureJournal(journal)
                .consentRequestStore(requests).outboundTransport(new RecordingOutboundTransport())
                .clock(clock).slaPolicies(SlaTimersFacadeTest.policies()).reminder(SlaTimersFacadeTest.unassigned())
                .teamLead(SlaTimersFacadeTest.HR, SlaTimersFacadeTest.LEAD).timerOwner(owner)
                .listener(events::add).build();
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void eachWarningBreachAndReminderTakesEffectOnceAcrossTwoNodesAndSeveralThreads() throws Exception {
        Ticketing a = node("node-a");
        Ticketing b = node("node-b");
        SlaTimersFacadeTest.define(a);
        Contact aino = a.privacy().register().save(Contact.withEmail("Aino Järvinen", "aino.jarvinen@example.fi",
                AssuranceLevel.LOW));
        List<TicketId> ids = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            Ticketing via = i % 2 == 0 ? a : b;
            ids.add(via.tickets().open(OpenTicket.of("annual-leave", aino.id(), "Kysymys " + i, Channel.EMAIL).body("Hei")).id());
        }

        race(a, b, "2024-01-02T09:45"); // reminders (09:30)
        race(a, b, "2024-01-02T10:45"); // first response 75 % (10:30)
        race(a, b, "2024-01-02T11:10"); // 90 % (11:06)
        race(a, b, "2024-01-02T11:45"); // breach (11:30)
        race(a, b, "2024-01-03T12:00"); // nothing new for the first response

        assertThat(count(TicketEvent.ReminderDue.class, e -> e.ticketId())).hasSize(TICKETS).allSatisfy((id, n) ->
                assertThat(n).as("reminders of %s", id).isEqualTo(1L));
        for (int percent : List.of(75, 90)) {
            Map<TicketId, Long> warnings = events.stream().filter(TicketEvent.SlaWarning.class::isInstance)
                    .map(TicketEvent.SlaWarning.class::cast)
                    .filter(w -> w.target() == SlaTarget.FIRST_RESPONSE && w.percent() == percent)
                    .collect(Collectors.groupingBy(TicketEvent::ticketId, Collectors.counting()));
            assertThat(warnings).as("%s %% warnings", percent).hasSize(TICKETS)
                    .allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
        }
        assertThat(count(TicketEvent.SlaBreached.class, e -> e.ticketId())).hasSize(TICKETS)
                .allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
        // The escalation raised each priority exactly one level.
        for (TicketId id : ids) {
            assertThat(a.tickets().get(id).priority()).isEqualTo(Priority.HIGH);
        }
    }

    @Test
    void aTimerDeliveredAgainFindsItsHistoryEntryAndDoesNothing() {
        Ticketing a = node("node-a");
        SlaTimersFacadeTest.define(a);
        Contact aino = a.privacy().register().save(Contact.withEmail("Aino Järvinen", "aino.jarvinen@example.fi",
                AssuranceLevel.LOW));
        TicketId id = a.tickets().open(OpenTicket.of("annual-leave", aino.id(), "Kysymys", Channel.EMAIL).body("Hei")).id();
        clock.set(hki("2024-01-02T11:45"));
        a.timers().tick();
        assertThat(count(TicketEvent.SlaBreached.class, TicketEvent::ticketId)).containsEntry(id, 1L);
        long reminders = events.stream().filter(TicketEvent.ReminderDue.class::isInstance).count();

        // As if a node died after the effect but before completing the claim: the same timers come again.
        TimerId breach = TimerId.forTicket(SlaTimerKinds.BREACH, id, "first-response");
        TimerId reminder = TimerId.forTicket(SlaTimerKinds.REMINDER, id, "unassigned-2h");
        timers.schedule(TimerRequest.of(breach, hki("2024-01-02T11:40")));
        timers.schedule(TimerRequest.of(reminder, hki("2024-01-02T11:40")));
        assertThat(a.timers().tick()).extracting(f -> f.id()).contains(breach, reminder);

        assertThat(count(TicketEvent.SlaBreached.class, TicketEvent::ticketId)).containsEntry(id, 1L);
        assertThat(events.stream().filter(TicketEvent.ReminderDue.class::isInstance).count()).isEqualTo(reminders);
        assertThat(a.tickets().get(id).priority()).isEqualTo(Priority.HIGH);
    }

    private <E extends TicketEvent> Map<TicketId, Long> count(Class<E> type, Function<E, TicketId> key) {
        return events.stream().filter(type::isInstance).map(type::cast)
                .collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    /** Both nodes tick from several threads, released together, until nothing is due any more. */
    private void race(Ticketing a, Ticketing b, String at) throws Exception {
        clock.set(hki(at));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 2 * THREADS_PER_NODE; t++) {
            Ticketing node = t % 2 == 0 ? a : b;
            running.add(pool.submit(() -> {
                start.await();
                for (int pass = 0; pass < 10; pass++) {
                    node.timers().tick();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : running) {
            f.get(60, TimeUnit.SECONDS);
        }
        // Whatever a lost race left behind is fired now.
        while (!a.timers().tick().isEmpty() || !b.timers().tick().isEmpty()) {
            // keep ticking
        }
    }
}
