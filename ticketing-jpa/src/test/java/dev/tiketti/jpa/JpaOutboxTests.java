package dev.tiketti.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.Ticketing;
import dev.tiketti.core.ticket.TransitionRequest;
import dev.tiketti.core.event.EventDelivery;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.spi.EventListener;
import dev.tiketti.core.spi.OutboxEntry;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.workflow.WorkflowDefinition;
import dev.tiketti.jpa.internal.JpaOutboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The outbox on a real database behind the facade: a node that stops between commit and delivery
 * has its events delivered by a node started later on the same database; a unit of work that rolls
 * back leaves nothing in the outbox.
 */
abstract class JpaOutboxTests {
    private static final Duration LEASE = Duration.ofSeconds(20);

    abstract DataSource dataSource();

    /** Records events with their deliveries; fails while {@code failing} is set. */
    static final class Recorder implements EventListener {
        final List<TicketEvent> events = new CopyOnWriteArrayList<>();
        final List<EventDelivery> deliveries = new CopyOnWriteArrayList<>();
        final AtomicBoolean failing = new AtomicBoolean();

        @Override
        public void on(TicketEvent event) {
            throw new AssertionError("the two-argument method is overridden");
        }

        @Override
        public void on(TicketEvent event, EventDelivery delivery) {
            if (failing.get()) {
                throw new IllegalStateException("node stopping");
            }
            events.add(event);
            deliveries.add(delivery);
        }
    }

    private static Ticketing node(JpaStorage storage, Transactions transactions, EventListener listener) {
        return Ticketing.builder().ticketStore(storage.ticketStore()).definitionStore(storage.definitionStore())
                .attachmentStore(storage.attachmentStore()).contactStore(storage.contactStore())
                .transactions(transactions).outboxStore(storage.outboxStore()).outboxLease(LEASE)
                .listener(listener).inMemory().build();
    }

    private static Ticket openLeaveRequest(Ticketing t) {
        Contact aino = t.privacy().register().save(Contact.withEmail("Aino Virtanen", "aino.virtanen@example.fi",
                AssuranceLevel.LOW));
        t.definitions().publishWorkflow(WorkflowDefinition.builder("hr-general")
                .state("NEW", StateCategory.NEW).state("OPEN", StateCategory.OPEN)
                .state("CLOSED", StateCategory.CLOSED)
                .transition("start").from("NEW").to("OPEN").requires(Guard.actorHasRole("hr"))
                .transition("close").from("OPEN").to("CLOSED")
                .build());
        t.definitions().defineType(new TicketType("annual-leave", TeamId.of("hr"), "HR", "Annual leave question", "hr-general",
                List.of(FieldDefinition.number("leaveYear").required())));
        return t.tickets().open(OpenTicket.of("annual-leave", aino.id(), "Vuosiloman siirto", Channel.EMAIL)
                .field("leaveYear", 2025));
    }

    @Test
    void events_a_stopped_node_did_not_deliver_are_delivered_after_a_restart_with_the_same_id() {
        DataSource ds = dataSource();
        JpaStorage.migrate(ds);
        Recorder before = new Recorder();
        Ticket t;
        try (JpaStorage first = JpaStorage.builder().dataSource(ds).build()) {
            Ticketing a = node(first, first.transactions(), before);
            before.failing.set(true); // committed, then the node goes down before its listeners ran
            t = openLeaveRequest(a);
            assertThat(first.outboxStore().pending()).isEqualTo(1);
        }

        Recorder after = new Recorder();
        try (JpaStorage restarted = JpaStorage.builder().dataSource(ds).build()) {
            Ticketing b = node(restarted, restarted.transactions(), after);
            assertThat(b.events().deliverPending()).as("the stopped node's lease still runs").isZero();
            ((JpaOutboxStore) restarted.outboxStore()).shiftClock(LEASE.plusSeconds(1));

            assertThat(b.events().deliverPending()).isEqualTo(1);
            assertThat(b.events().deliverPending()).as("delivered once").isZero();
            assertThat(restarted.outboxStore().pending()).isZero();
        }
        assertThat(before.events).isEmpty();
        assertThat(after.events).singleElement().isInstanceOfSatisfying(TicketEvent.TicketOpened.class,
                e -> assertThat(e.key()).isEqualTo(t.key()));
        assertThat(after.deliveries).singleElement().extracting(EventDelivery::attempt).isEqualTo(2);
    }

    @Test
    void events_of_calls_in_the_hosts_unit_of_work_are_delivered_after_its_commit_and_never_after_its_rollback() {
        DataSource ds = dataSource();
        JpaStorage.migrate(ds);
        try (JpaStorage storage = JpaStorage.builder().dataSource(ds).build()) {
            Recorder recorder = new Recorder();
            Ticketing ticketing = node(storage, storage.transactions(), recorder);

            Ticket t = storage.transactions().inTransaction(() -> {
                Ticket opened = openLeaveRequest(ticketing);
                ticketing.tickets().transition(TransitionRequest.of(opened.id(), "start", Actor.agent("maija", "hr")));
                assertThat(recorder.events).as("before the host's commit").isEmpty();
                assertThat(storage.outboxStore().pending()).as("appended in the host's unit").isEqualTo(2);
                return opened;
            });
            assertThat(recorder.events).extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("TicketOpened", "TicketTransitioned");
            assertThat(storage.outboxStore().pending()).as("delivered entries are deleted").isZero();

            recorder.events.clear();
            assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                ticketing.tickets().transition(TransitionRequest.of(t.id(), "close", Actor.agent("maija", "hr")));
                throw new IllegalStateException("the host's own work failed");
            })).hasMessage("the host's own work failed");
            assertThat(recorder.events).as("the host rolled back").isEmpty();
            assertThat(storage.outboxStore().pending()).isZero();
            assertThat(storage.ticketStore().find(t.id()).orElseThrow().state()).isEqualTo("OPEN");
        }
    }

    @Test
    void a_change_whose_unit_of_work_rolls_back_leaves_nothing_in_the_outbox_and_delivers_nothing() {
        DataSource ds = dataSource();
        JpaStorage.migrate(ds);
        try (JpaStorage storage = JpaStorage.builder().dataSource(ds).build()) {
            AtomicBoolean refuseCommit = new AtomicBoolean();
            Transactions refusing = new Transactions() {
                @Override
                public <T> T inTransaction(Supplier<T> work) {
                    return storage.transactions().inTransaction(() -> {
                        T result = work.get();
                        if (refuseCommit.get()) {
                            throw new IllegalStateException("commit refused");
                        }
                        return result;
                    });
                }
            };
            Recorder recorder = new Recorder();
            Ticketing ticketing = node(storage, refusing, recorder);
            Ticket t = openLeaveRequest(ticketing);

            refuseCommit.set(true);
            assertThatThrownBy(() -> ticketing.tickets().transition(TransitionRequest.of(t.id(), "start",
                    Actor.agent("maija", "hr")))).hasMessageContaining("commit refused");

            assertThat(storage.outboxStore().pending()).isZero();
            assertThat(recorder.events).extracting(e -> e.getClass().getSimpleName()).containsExactly("TicketOpened");
            assertThat(storage.ticketStore().find(t.id()).orElseThrow().state()).isEqualTo("NEW");

            storage.transactions().inTransaction(() -> {
                storage.outboxStore().append(List.of(new OutboxEntry("7c0e4c57-0000-4000-8000-000000000001",
                        "ticket.TicketOpened", Instant.parse("2026-01-05T06:00:00Z"), 1, "{}")), "node-a", LEASE);
                assertThat(storage.outboxStore().pending()).as("visible inside its own unit of work").isEqualTo(1);
                return null;
            });
            assertThat(storage.outboxStore().pending()).isEqualTo(1);
            assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                storage.outboxStore().append(List.of(new OutboxEntry("7c0e4c57-0000-4000-8000-000000000002",
                        "ticket.TicketOpened", Instant.parse("2026-01-05T06:00:00Z"), 1, "{}")), "node-a", LEASE);
                throw new IllegalStateException("rolled back");
            })).hasMessage("rolled back");
            assertThat(storage.outboxStore().pending()).as("the rolled-back append is gone").isEqualTo(1);
        }
    }
}
