package dev.tiketti.core;

import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.ticket.TicketUpdate;
import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.ticket.TransitionRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.workflow.TransitionDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Invariants under random use: whatever sequence of transition attempts, updates and entries a
 * ticket goes through, each success adds exactly one version and one history entry (sequence =
 * version), and each refusal changes nothing at all.
 */
class TicketingPropertiesTest {
    static final List<String> TRANSITIONS = List.of("start", "ask", "replied", "resolve", "escalate", "release",
            "close", "nonexistent");

    /** One attempt: a transition by one of three actors, perhaps with a resolution and a field value. */
    record Attempt(String transition, int actor, boolean withResolution, boolean withDecision, boolean stale) {
    }

    @Provide
    Arbitrary<Attempt> attempts() {
        return Combinators.combine(Arbitraries.of(TRANSITIONS), Arbitraries.integers().between(0, 2),
                Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 9).map(i -> i == 0)).as(Attempt::new);
    }

    @Property(tries = 150)
    void successesAddOneVersionAndOneHistoryEntryAndRefusalsChangeNothing(
            @ForAll @Size(max = 25) List<@From("attempts") Attempt> attempts) {
        Fixture f = new Fixture().withHrSetup();
        Actor[] actors = {f.maija, f.lead, Actor.system()};
        Ticket t = f.open();

        for (Attempt a : attempts) {
            Ticket before = f.ticketing.tickets().get(t.id());
            List<HistoryEntry> historyBefore = f.ticketing.tickets().history(t.id());
            List<TimelineEntry> timelineBefore = f.ticketing.tickets().timeline(t.id());
            int eventsBefore = f.events.size();
            TransitionRequest r = TransitionRequest.of(t.id(), a.transition(), actors[a.actor()]);
            if (a.withResolution()) {
                r = r.resolution("Hoidettu");
            }
            if (a.withDecision()) {
                r = r.field("decision", "approved");
            }
            if (a.stale()) {
                r = r.expectedVersion(before.version() - 1);
            }
            try {
                Ticket after = f.ticketing.tickets().transition(r);
                TransitionDefinition taken = f.ticketing.definitions().workflow("hr-general").orElseThrow()
                        .transition(a.transition()).orElseThrow();
                assertThat(after.state()).isEqualTo(taken.to());
                assertThat(taken.from()).contains(before.state());
                assertThat(after.version()).isEqualTo(before.version() + 1);
                assertThat(f.ticketing.tickets().history(t.id())).hasSize(historyBefore.size() + 1)
                        .startsWith(historyBefore.toArray(HistoryEntry[]::new));
                assertThat(f.ticketing.tickets().timeline(t.id())).startsWith(timelineBefore.toArray(TimelineEntry[]::new));
                assertThat(f.events).hasSize(eventsBefore + 1);
                assertThat(a.stale()).isFalse();
                Statistics.label("outcome").collect("taken");
            } catch (TicketingException refused) {
                assertThat(refused.code()).isIn(ErrorCode.TRANSITION_DENIED, ErrorCode.UNKNOWN_TRANSITION,
                        ErrorCode.CONCURRENT_UPDATE);
                assertThat(f.ticketing.tickets().get(t.id())).isEqualTo(before);
                assertThat(f.ticketing.tickets().history(t.id())).isEqualTo(historyBefore);
                assertThat(f.ticketing.tickets().timeline(t.id())).isEqualTo(timelineBefore);
                assertThat(f.events).hasSize(eventsBefore);
                Statistics.label("outcome").collect(refused.code().name());
            }
            Ticket now = f.ticketing.tickets().get(t.id());
            List<HistoryEntry> history = f.ticketing.tickets().history(t.id());
            assertThat(history).hasSize((int) now.version());
            assertThat(history.get(history.size() - 1).sequence()).isEqualTo(now.version());
            assertThat(f.ticketing.definitions().workflow("hr-general").orElseThrow().state(now.state())).isPresent();
        }
        // The generator must reach every outcome often enough for the property to mean something.
        Statistics.label("outcome").coverage(c -> {
            c.check("taken").percentage(p -> p > 5);
            c.check("TRANSITION_DENIED").percentage(p -> p > 2);
            c.check("UNKNOWN_TRANSITION").percentage(p -> p > 2);
            c.check("CONCURRENT_UPDATE").percentage(p -> p > 0.5);
        });
    }

    @Test
    void concurrentUpdatesWithExpectedVersionsNeverLoseAWrite() throws Exception {
        Fixture f = new Fixture().withHrSetup();
        Ticket t = f.open();
        int threads = 4;
        int perThread = 50;
        AtomicInteger successes = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                int worker = w;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        Ticket seen = f.ticketing.tickets().get(t.id());
                        try {
                            f.ticketing.tickets().update(TicketUpdate.of(t.id(), f.maija).expectedVersion(seen.version())
                                    .subject("Versio " + worker + "-" + i));
                            successes.incrementAndGet();
                        } catch (ConcurrentUpdateException e) {
                            conflicts.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> d : done) {
                d.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Ticket last = f.ticketing.tickets().get(t.id());
        List<HistoryEntry> history = f.ticketing.tickets().history(t.id());
        assertThat(successes.get() + conflicts.get()).isEqualTo(threads * perThread);
        assertThat(last.version()).isEqualTo(1 + successes.get());
        assertThat(history).hasSize((int) last.version());
        assertThat(history).extracting(HistoryEntry::sequence).isSorted().doesNotHaveDuplicates();
        // Every recorded change starts from the subject the previous one left: no write was lost.
        for (int i = 2; i < history.size(); i++) {
            String previousTo = history.get(i - 1).changes().get(0).to().orElseThrow();
            assertThat(history.get(i).changes().get(0).from()).contains(previousTo);
        }
        assertThat(history.get(history.size() - 1).changes().get(0).to()).contains(last.subject());
    }
}
