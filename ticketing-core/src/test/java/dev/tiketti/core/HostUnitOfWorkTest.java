package dev.tiketti.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.inmemory.InMemoryContactStore;
import dev.tiketti.core.inmemory.InMemoryDefinitionStore;
import dev.tiketti.core.inmemory.InMemoryOutboxStore;
import dev.tiketti.core.inmemory.InMemoryTicketStore;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TransitionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Events of Ticketing calls inside a unit of work the host opened")
class HostUnitOfWorkTest {
    private final Fixture.MovingClock clock = new Fixture.MovingClock(Fixture.START);
    private final List<TicketEvent> delivered = new CopyOnWriteArrayList<>();

    /**
     * Units of work as a host's transaction manager keeps them: the outermost one commits, nested
     * ones join it, and after-commit actions wait for the outermost commit (dropped on rollback).
     */
    static final class HostTransactions implements Transactions {
        private final ThreadLocal<@Nullable List<Runnable>> open = new ThreadLocal<>();
        int commits;
        int rollbacks;

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            if (open.get() != null) {
                return work.get();
            }
            List<Runnable> after = new ArrayList<>();
            open.set(after);
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                rollbacks++;
                throw e;
            } finally {
                open.remove();
            }
            commits++;
            after.forEach(Runnable::run);
            return result;
        }

        @Override
        public void afterCommit(Runnable action) {
            List<Runnable> after = open.get();
            if (after == null) {
                action.run();
            } else {
                after.add(action);
            }
        }
    }

    private Ticketing ticketing(Transactions transactions, boolean withOutbox) {
        TicketingBuilder b = Ticketing.builder().ticketStore(new InMemoryTicketStore())
                .definitionStore(new InMemoryDefinitionStore()).contactStore(new InMemoryContactStore())
                .inMemory().clock(clock).transactions(transactions).listener(delivered::add);
        if (withOutbox) {
            b.outboxStore(new InMemoryOutboxStore(clock));
        }
        Ticketing t = b.build();
        t.definitions().publishWorkflow(Fixture.hrWorkflow().build());
        t.definitions().defineType(Fixture.leaveType());
        return t;
    }

    private static Ticket open(Ticketing t, Contact requester) {
        return t.tickets().open(OpenTicket.of("annual-leave", requester.id(), "Vuosiloman siirto", Channel.EMAIL)
                .field("leaveYear", 2025));
    }

    private static Contact aino(Ticketing t) {
        return t.privacy().register().save(
                Contact.withEmail("Aino Virtanen", "aino.virtanen@example.fi", AssuranceLevel.LOW));
    }

    @Test
    @DisplayName("are delivered after the host's commit, in order, not when each call returns")
    void afterHostCommit() {
        for (boolean withOutbox : new boolean[] {false, true}) {
            delivered.clear();
            HostTransactions host = new HostTransactions();
            Ticketing ticketing = ticketing(host, withOutbox);
            Contact aino = aino(ticketing);
            delivered.clear();

            host.inTransaction(() -> {
                Ticket t = open(ticketing, aino);
                ticketing.tickets().transition(TransitionRequest.of(t.id(), "start", Actor.agent("maija", "hr")));
                assertThat(delivered).as("inside the host's unit (outbox: %s)", withOutbox).isEmpty();
                return t;
            });

            assertThat(delivered).as("after the host's commit (outbox: %s)", withOutbox)
                    .extracting(e -> e.getClass().getSimpleName()).containsExactly("TicketOpened", "TicketTransitioned");
            assertThat(ticketing.events().pending()).isZero();
        }
    }

    @Test
    @DisplayName("are not delivered when the host's unit rolls back")
    void notAfterHostRollback() {
        HostTransactions host = new HostTransactions();
        Ticketing ticketing = ticketing(host, false);
        Contact aino = aino(ticketing);
        delivered.clear();

        assertThatThrownBy(() -> host.inTransaction(() -> {
            open(ticketing, aino);
            throw new IllegalStateException("the host's own work failed");
        })).hasMessage("the host's own work failed");

        assertThat(host.rollbacks).isEqualTo(1);
        assertThat(delivered).isEmpty();
    }

    @Test
    @DisplayName("with an adapter that keeps the default afterCommit, go out when each call returns")
    void defaultRunsAtOnce() {
        Ticketing ticketing = ticketing(Transactions.none(), false);
        Contact aino = aino(ticketing);
        delivered.clear();

        Ticket t = open(ticketing, aino);
        assertThat(delivered).singleElement().isInstanceOf(TicketEvent.TicketOpened.class);
        ticketing.tickets().transition(TransitionRequest.of(t.id(), "start", Actor.agent("maija", "hr")));
        assertThat(delivered).hasSize(2);
    }
}
