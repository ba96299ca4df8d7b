package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tiketti.core.Actor;
import dev.tiketti.core.Channel;
import dev.tiketti.core.ContactId;
import dev.tiketti.core.ErrorCode;
import dev.tiketti.core.Priority;
import dev.tiketti.core.TeamId;
import dev.tiketti.core.TicketId;
import dev.tiketti.core.TicketKey;
import dev.tiketti.core.TicketingException;
import dev.tiketti.core.spi.StoredTicket;
import dev.tiketti.core.spi.TicketChange;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.ticket.CustomFields;
import dev.tiketti.core.ticket.EntryKind;
import dev.tiketti.core.ticket.FieldChange;
import dev.tiketti.core.ticket.HistoryAction;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The obligations of a {@link TicketStore}. An adapter proves itself by one subclass that returns
 * a new, empty store from {@link #createStore()}. This class holds the {@code Rewrite} group (the
 * rewrite and delete methods erasure and retention rely on); further groups join it.
 *
 * @since 0.1
 */
@DisplayName("TicketStore contract")
public abstract class TicketStoreContract {
    private static final Instant T0 = Instant.parse("2024-05-02T09:00:00Z");
    private static final ContactId AINO = ContactId.of("7e570000-0000-4000-8000-000000000001");
    private static final ContactId PEKKA = ContactId.of("7e570000-0000-4000-8000-000000000002");
    private TicketStore store;

    /** A new, empty store for each test. */
    protected abstract TicketStore createStore();

    @BeforeEach
    void createFreshStore() {
        store = createStore();
    }

    /** A stored ticket with one inbound message and one history entry, requested by an invented person. */
    protected StoredTicket storeOne(String prefix) {
        TicketKey key = new TicketKey(prefix, store.nextNumber(prefix));
        Ticket t = new Ticket(TicketId.random(), key, "general", "simple", 1, "NEW", Optional.empty(), Priority.NORMAL,
                AINO, Optional.empty(), Optional.empty(), TeamId.of("hr"), Channel.EMAIL, "Aino Virtanen kysyy",
                Optional.empty(), CustomFields.empty(), T0, T0, 1);
        TimelineEntry e = new TimelineEntry(UUID.randomUUID(), t.id(), EntryKind.INBOUND_MESSAGE, Actor.contact(AINO),
                Visibility.PUBLIC, Channel.EMAIL, "Terveisin Aino Virtanen", List.of(), T0);
        HistoryEntry h = new HistoryEntry(t.id(), 1, T0, Actor.contact(AINO), HistoryAction.CREATED, Optional.empty(),
                List.of(FieldChange.of("subject", null, "Aino Virtanen kysyy")));
        store.create(t, List.of(e), List.of(h));
        return new StoredTicket(t, List.of(e), List.of(h));
    }

    private static StoredTicket redacted(StoredTicket s) {
        List<TimelineEntry> timeline = s.timeline().stream().map(e -> new TimelineEntry(e.id(), e.ticketId(), e.kind(),
                e.author(), e.visibility(), e.channel(), e.body().replace("Aino Virtanen", "xxxxxx"), e.attachments(),
                e.at())).toList();
        List<HistoryEntry> history = s.history().stream().map(h -> new HistoryEntry(h.ticketId(), h.sequence(), h.at(),
                h.actor(), h.action(), h.transition(), h.changes().stream().map(c -> new FieldChange(c.field(),
                c.from().map(v -> v.replace("Aino Virtanen", "xxxxxx")), c.to().map(v -> v.replace("Aino Virtanen",
                "xxxxxx")))).toList())).toList();
        Ticket t = s.ticket().withSubject(s.ticket().subject().replace("Aino Virtanen", "xxxxxx"));
        return new StoredTicket(t, timeline, history);
    }

    private StoredTicket read(TicketId id) {
        return new StoredTicket(store.find(id).orElseThrow(), store.timeline(id), store.history(id));
    }

    @Nested
    @DisplayName("Rewrite")
    class Rewrite {
        @Test
        @DisplayName("a rewrite replaces subject, bodies and history values in place and keeps the version")
        void rewritesInPlace() {
            StoredTicket before = storeOne("HR");

            boolean changed = store.rewrite(before.ticket().id(), TicketStoreContract::redacted);

            assertThat(changed).isTrue();
            StoredTicket after = read(before.ticket().id());
            assertThat(after).isEqualTo(redacted(before));
            assertThat(after.ticket().version()).isEqualTo(1);
            assertThat(store.findByKey(before.ticket().key())).contains(after.ticket());
            assertThat(after.timeline().get(0).body()).isEqualTo("Terveisin xxxxxx");
            assertThat(after.history().get(0).changes().get(0).to()).contains("xxxxxx kysyy");
        }

        @Test
        @DisplayName("the rewriter is called once, with the current content, and may hand the ticket to another requester")
        void seesCurrentContent() {
            StoredTicket before = storeOne("HR");
            Ticket updated = before.ticket().withSubject("Uusi otsikko").nextVersion(T0.plusSeconds(60));
            store.update(new TicketChange(updated, 1, List.of(), List.of(new HistoryEntry(updated.id(), 2,
                    T0.plusSeconds(60), Actor.agent("maija"), HistoryAction.UPDATED, Optional.empty(),
                    List.of(FieldChange.of("subject", "Aino Virtanen kysyy", "Uusi otsikko"))))));
            AtomicInteger calls = new AtomicInteger();
            List<StoredTicket> seen = new ArrayList<>();

            store.rewrite(before.ticket().id(), current -> {
                calls.incrementAndGet();
                seen.add(current);
                Ticket t = current.ticket();
                return new StoredTicket(new Ticket(t.id(), t.key(), t.typeId(), t.workflowId(), t.workflowVersion(),
                        t.state(), t.classification(), t.priority(), PEKKA, t.organization(), t.assignee(), t.team(),
                        t.channel(), t.subject(), t.resolution(), t.fields(), t.createdAt(), t.updatedAt(),
                        t.version()), current.timeline(), current.history());
            });

            assertThat(calls).hasValue(1);
            assertThat(seen.get(0).ticket().version()).isEqualTo(2);
            assertThat(seen.get(0).history()).hasSize(2);
            assertThat(store.find(before.ticket().id()).orElseThrow().requester()).isEqualTo(PEKKA);
        }

        @Test
        @DisplayName("an update with the version read before a rewrite still succeeds: a rewrite is no change of the matter")
        void versionUnchanged() {
            StoredTicket before = storeOne("HR");
            store.rewrite(before.ticket().id(), TicketStoreContract::redacted);
            Ticket next = store.find(before.ticket().id()).orElseThrow().nextVersion(T0.plusSeconds(5));

            store.update(new TicketChange(next, 1, List.of(), List.of(new HistoryEntry(next.id(), 2, T0.plusSeconds(5),
                    Actor.agent("maija"), HistoryAction.UPDATED, Optional.empty(), List.of()))));

            assertThat(store.find(before.ticket().id()).orElseThrow().version()).isEqualTo(2);
            assertThat(store.history(before.ticket().id())).hasSize(2);
        }

        @Test
        @DisplayName("returning the content unchanged stores nothing and returns false; an unknown id returns false")
        void noChange() {
            StoredTicket before = storeOne("HR");
            AtomicInteger calls = new AtomicInteger();

            assertThat(store.rewrite(before.ticket().id(), UnaryOperator.identity())).isFalse();
            assertThat(store.rewrite(TicketId.random(), s -> {
                calls.incrementAndGet();
                return s;
            })).isFalse();
            assertThat(calls).hasValue(0);
            assertThat(read(before.ticket().id())).isEqualTo(before);
        }

        @Test
        @DisplayName("changing the id, key, version, entry ids or history sequences is refused and changes nothing")
        void refusesStructuralChanges() {
            StoredTicket before = storeOne("HR");
            Ticket t = before.ticket();
            List<UnaryOperator<StoredTicket>> forbidden = List.of(
                    s -> new StoredTicket(redacted(s).ticket().nextVersion(T0), s.timeline(), s.history()),
                    s -> new StoredTicket(redacted(s).ticket(), List.of(), s.history()),
                    s -> new StoredTicket(redacted(s).ticket(), s.timeline().stream().map(e -> new TimelineEntry(
                            UUID.randomUUID(), e.ticketId(), e.kind(), e.author(), e.visibility(), e.channel(), e.body(),
                            e.attachments(), e.at())).toList(), s.history()),
                    s -> new StoredTicket(redacted(s).ticket(), s.timeline(), s.history().stream().map(h ->
                            new HistoryEntry(h.ticketId(), h.sequence() + 1, h.at(), h.actor(), h.action(),
                                    h.transition(), h.changes())).toList()),
                    s -> new StoredTicket(new Ticket(t.id(), new TicketKey("XX", 9), t.typeId(), t.workflowId(),
                            t.workflowVersion(), t.state(), t.classification(), t.priority(), t.requester(),
                            t.organization(), t.assignee(), t.team(), t.channel(), "x", t.resolution(), t.fields(),
                            t.createdAt(), t.updatedAt(), t.version()), s.timeline(), s.history()));
            for (UnaryOperator<StoredTicket> rewrite : forbidden) {
                TicketingException e = catchThrowableOfType(TicketingException.class,
                        () -> store.rewrite(t.id(), rewrite));
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TICKET_REWRITE);
                assertThat(read(t.id())).isEqualTo(before);
            }
        }

        @Test
        @DisplayName("delete removes the ticket with its timeline and history; again it returns false; numbers are not reused")
        void deletes() {
            StoredTicket one = storeOne("HR");
            StoredTicket two = storeOne("HR");

            assertThat(store.delete(one.ticket().id())).isTrue();
            assertThat(store.delete(one.ticket().id())).isFalse();

            assertThat(store.find(one.ticket().id())).isEmpty();
            assertThat(store.findByKey(one.ticket().key())).isEmpty();
            assertThat(store.timeline(one.ticket().id())).isEmpty();
            assertThat(store.history(one.ticket().id())).isEmpty();
            assertThat(read(two.ticket().id())).isEqualTo(two);
            assertThat(store.nextNumber("HR")).isEqualTo(3);
            assertThat(store.rewrite(one.ticket().id(), TicketStoreContract::redacted)).isFalse();
        }
    }
}
