package dev.tiketti.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.inmemory.InMemoryChangeLog;
import dev.tiketti.core.inmemory.InMemorySearchIndex;
import dev.tiketti.core.inmemory.InMemoryStorage;
import dev.tiketti.core.inmemory.RecordingOutboundTransport;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.DataCategory;
import dev.tiketti.core.privacy.ErasureAction;
import dev.tiketti.core.privacy.ErasurePolicy;
import dev.tiketti.core.privacy.ErasureRequest;
import dev.tiketti.core.privacy.ErasureSource;
import dev.tiketti.core.search.FoundTickets;
import dev.tiketti.core.search.SearchQuery;
import dev.tiketti.core.spi.ChangeLog;
import dev.tiketti.core.spi.LoggedChange;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.ticket.TransitionRequest;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one storage, each with its own index: every change and erasure made on one reaches
 * the other's index through the shared change log (issue #14 item 5), and holes in the log are
 * waited for, not skipped.
 */
class ChangeLogFollowingTest {
    final Fixture.MovingClock clock = new Fixture.MovingClock(Instant.parse("2026-03-02T08:00:00Z"));
    final InMemoryStorage storage = new InMemoryStorage(clock);
    final InMemorySearchIndex indexA = new InMemorySearchIndex();
    final InMemorySearchIndex indexB = new InMemorySearchIndex();
    final Ticketing a = node(indexA);
    final Ticketing b = node(indexB);
    final Contact aino;

    ChangeLogFollowingTest() {
        a.definitions().publishWorkflow(WorkflowDefinition.builder("hr").state("NEW", StateCategory.NEW)
                .state("DONE", StateCategory.CLOSED).transition("close").from("NEW").to("DONE").build());
        a.definitions().defineType(new TicketType("leave", TeamId.of("hr"), "HR", "Leave", "hr", List.of()));
        aino = a.privacy().register().save(Contact.withEmail("Aino Virtanen", "aino.virtanen@example.fi",
                AssuranceLevel.LOW));
    }

    Ticketing node(InMemorySearchIndex index) {
        return Ticketing.builder().storage(storage).searchIndex(index).outboundTransport(new RecordingOutboundTransport())
                .clock(clock).build();
    }

    Ticket open(Ticketing on, String subject, String body) {
        return on.tickets().open(OpenTicket.of("leave", aino.id(), subject, Channel.EMAIL).body(body));
    }

    static List<TicketId> ids(FoundTickets found) {
        return found.tickets().stream().map(Ticket::id).toList();
    }

    @Test
    @DisplayName("a ticket opened and changed on node A is found on node B once B has caught up with the log")
    void changesReachTheOtherNode() {
        b.search().catchUp(); // B starts: rebuilds once (no position yet), then follows
        Ticket t = open(a, "Vuosiloman siirto", "Voinko siirtää vuosiloman syksyyn?");
        assertThat(ids(b.search().find(SearchQuery.text("vuosiloman")))).isEmpty();
        assertThat(b.search().lag()).isPositive();

        assertThat(b.search().catchUp()).isPositive();
        assertThat(ids(b.search().find(SearchQuery.text("vuosiloman")))).containsExactly(t.id());
        assertThat(b.search().lag()).isZero();
        assertThat(b.search().health().lag()).contains(Duration.ZERO);

        a.tickets().addEntry(NewEntry.note(t.id(), Actor.agent("maija", "hr"), "Soitin: kyse on lomarahasta"));
        b.search().catchUp();
        assertThat(ids(b.search().find(SearchQuery.text("lomarahasta")))).containsExactly(t.id());
        assertThat(indexB.followedPosition()).isPresent();
    }

    @Test
    @DisplayName("an erasure on node A leaves nothing of the person in node B's index")
    void erasureReachesTheOtherNode() {
        Ticket t = open(a, "Palkkatodistus Aino Virtaselle", "Tarvitsen todistuksen, t. Aino Virtanen");
        a.tickets().transition(TransitionRequest.of(t.id(), "close", Actor.agent("maija", "hr")));
        b.search().catchUp();
        assertThat(indexB.document(t.id()).orElseThrow().requesterEmails()).contains("aino.virtanen@example.fi");

        ErasurePolicy.Builder allDelete = ErasurePolicy.builder();
        for (DataCategory category : DataCategory.values()) {
            allDelete.action(category, ErasureAction.DELETE);
        }
        a.privacy().erasure().erase(ErasureRequest.of(aino.id(), Actor.agent("dpo", "privacy"),
                new ErasureSource.Form("form-1")), allDelete.build());
        b.search().catchUp();

        assertThat(ids(b.search().find(SearchQuery.builder().requesterEmail("aino.virtanen@example.fi").build())))
                .isEmpty();
        assertThat(ids(b.search().find(SearchQuery.text("Virtanen")))).isEmpty();
        assertThat(indexB.indexed().stream().flatMap(id -> indexB.document(id).stream())
                .flatMap(d -> d.texts().stream())).noneMatch(text -> text.text().contains("Virtanen"));
    }

    @Test
    @DisplayName("a node whose index fell behind what the log keeps rebuilds it from the store")
    void fallenBehindRebuilds() {
        b.search().catchUp();
        Ticket t = open(a, "Matkalasku", "Matkalasku Tampereelta");
        ChangeLog log = storage.changeLog().orElseThrow();
        clock.advance(Duration.ofDays(8));
        log.truncateBefore(clock.instant()); // as the log's retention would, while B was down
        Ticket later = open(a, "Lomaraha", "Milloin lomaraha maksetaan?");

        b.search().catchUp();
        assertThat(ids(b.search().find(SearchQuery.text("matkalasku")))).containsExactly(t.id());
        assertThat(ids(b.search().find(SearchQuery.text("lomaraha")))).containsExactly(later.id());
    }

    @Test
    @DisplayName("the position waits at a hole until the entry appears, and passes it only after 30 s")
    void holesAreWaitedFor() {
        Ticket one = open(a, "Yksi", "ensimmäinen");
        Ticket two = open(a, "Kaksi", "toinen");
        HoledLog log = new HoledLog(storage.changeLog().orElseThrow());
        InMemorySearchIndex index = new InMemorySearchIndex();
        Ticketing c = Ticketing.builder().storage(storage).changeLog(log).searchIndex(index)
                .outboundTransport(new RecordingOutboundTransport()).clock(clock).build();
        c.search().catchUp();
        long start = index.followedPosition().orElseThrow();

        log.hide(start + 1); // a unit of work drew this number and has not committed yet
        open(a, "Kolme", "kolmas");
        Ticket four = open(a, "Neljä", "neljäs");
        c.search().catchUp();
        assertThat(ids(c.search().find(SearchQuery.text("neljäs")))).containsExactly(four.id());
        assertThat(index.followedPosition()).hasValue(start); // not past the hole

        clock.advance(Duration.ofSeconds(29));
        c.search().catchUp();
        assertThat(index.followedPosition()).hasValue(start);

        log.hide(-1); // it commits: the entry appears below the others
        c.search().catchUp();
        assertThat(index.followedPosition()).hasValue(log.head());
        assertThat(ids(c.search().find(SearchQuery.text("kolmas")))).hasSize(1);

        log.hide(log.head() + 1); // a unit that rolls back: the number never appears
        open(a, "Viisi", "viides");
        Ticket six = open(a, "Kuusi", "kuudes");
        c.search().catchUp();
        assertThat(index.followedPosition()).hasValue(log.head() - 2);
        clock.advance(Duration.ofSeconds(31));
        c.search().catchUp();
        assertThat(index.followedPosition()).hasValue(log.head());
        assertThat(ids(c.search().find(SearchQuery.text("kuudes")))).containsExactly(six.id());
        assertThat(List.of(one.id(), two.id())).allMatch(id -> index.document(id).isPresent());
    }

    /** A change log that hides one sequence number, as an uncommitted or rolled-back unit of work would. */
    static final class HoledLog implements ChangeLog {
        private final ChangeLog delegate;
        private volatile long hidden = -1;

        HoledLog(ChangeLog delegate) {
            this.delegate = delegate;
        }

        void hide(long sequence) {
            hidden = sequence;
        }

        @Override
        public void append(Collection<TicketId> tickets, LoggedChange.Kind kind, Instant at) {
            delegate.append(tickets, kind, at);
        }

        @Override
        public List<LoggedChange> after(long position, int limit) {
            List<LoggedChange> shown = new ArrayList<>(delegate.after(position, limit));
            shown.removeIf(c -> c.sequence() == hidden);
            return shown;
        }

        @Override
        public OptionalLong oldest() {
            return delegate.oldest();
        }

        @Override
        public long head() {
            return delegate.head();
        }

        @Override
        public int truncateBefore(Instant instant) {
            return delegate.truncateBefore(instant);
        }
    }
}
