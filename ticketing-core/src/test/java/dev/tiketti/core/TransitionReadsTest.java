package dev.tiketti.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.inmemory.InMemoryContactStore;
import dev.tiketti.core.inmemory.InMemoryDefinitionStore;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.spi.ContactStore;
import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TransitionRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A transition reads the requester and the ticket type only when it needs them, because each read
 * is a statement on a database-backed store; what it decides stays the same.
 */
@DisplayName("What a transition reads")
class TransitionReadsTest {
    private final AtomicInteger contactReads = new AtomicInteger();
    private final AtomicInteger typeReads = new AtomicInteger();
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final ContactStore countingContacts = new ContactStore() {
        @Override
        public void save(Contact contact) {
            contacts.save(contact);
        }

        @Override
        public Optional<Contact> find(ContactId id) {
            if (inUnitOfWork.get()) { // not the search index's read after commit
                contactReads.incrementAndGet();
            }
            return contacts.find(id);
        }

        @Override
        public Optional<Contact> findByEmail(String email) {
            return contacts.findByEmail(email);
        }
    };
    private final InMemoryDefinitionStore store = new InMemoryDefinitionStore();
    private final DefinitionStore definitions = (DefinitionStore) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {DefinitionStore.class}, (proxy, method, args) -> {
                if (method.getName().equals("findType")) {
                    typeReads.incrementAndGet();
                }
                try {
                    return method.invoke(store, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    private final AtomicBoolean inUnitOfWork = new AtomicBoolean();
    private final Transactions marking = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            inUnitOfWork.set(true);
            try {
                return work.get();
            } finally {
                inUnitOfWork.set(false);
            }
        }
    };
    private final Ticketing ticketing = Ticketing.builder().contactStore(countingContacts)
            .definitionStore(definitions).transactions(marking).inMemory().build();
    private final Actor maija = Actor.agent("maija", "hr");
    private final Actor lead = Actor.agent("kaisa", "hr", "hr-lead");

    private Ticket opened() {
        ticketing.definitions().publishWorkflow(Fixture.hrWorkflow().build());
        ticketing.definitions().defineType(Fixture.leaveType());
        Contact aino = ticketing.privacy().register().save(
                Contact.withEmail("Aino Virtanen", "aino.virtanen@example.fi", AssuranceLevel.SUBSTANTIAL));
        return ticketing.tickets().open(OpenTicket.of("annual-leave", aino.id(), "Vuosiloman siirto", Channel.EMAIL)
                .field("leaveYear", 2025));
    }

    private int[] reads(Runnable change) {
        contactReads.set(0);
        typeReads.set(0);
        change.run();
        return new int[] {contactReads.get(), typeReads.get()};
    }

    @Test
    @DisplayName("a transition with a role guard and an assignment reads neither the requester nor the type")
    void neither() {
        Ticket t = opened();
        assertThat(reads(() -> ticketing.tickets().transition(TransitionRequest.of(t.id(), "start", maija))))
                .containsExactly(0, 0);
        assertThat(ticketing.tickets().get(t.id()).state()).isEqualTo("OPEN");
    }

    @Test
    @DisplayName("a notice to the requester reads the requester; an assurance guard reads it and still decides")
    void requesterWhenNeeded() {
        Ticket t = opened();
        ticketing.tickets().transition(TransitionRequest.of(t.id(), "start", maija));

        assertThat(reads(() -> ticketing.tickets().transition(TransitionRequest.of(t.id(), "ask", maija))))
                .containsExactly(1, 0);
        ticketing.tickets().transition(TransitionRequest.of(t.id(), "replied", maija));
        assertThat(reads(() -> ticketing.tickets().transition(TransitionRequest.of(t.id(), "escalate", lead))))
                .as("escalate checks the requester's assurance level").containsExactly(1, 0);
        assertThat(ticketing.tickets().get(t.id()).assignee()).contains(AgentId.of("kaisa"));
    }

    @Test
    @DisplayName("fields in the request or a set-field effect read the type, and are still validated against it")
    void typeWhenNeeded() {
        Ticket t = opened();
        ticketing.tickets().transition(TransitionRequest.of(t.id(), "start", maija));

        assertThat(reads(() -> ticketing.tickets().transition(TransitionRequest.of(t.id(), "resolve", maija)
                .resolution("Siirretty").field("decision", "hyväksytty")))).containsExactly(0, 1);
        assertThat(ticketing.tickets().get(t.id()).fields().has("outcome")).isTrue();
    }
}
