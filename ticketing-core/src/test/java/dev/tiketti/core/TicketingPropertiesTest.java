package dev.tiketti.core;

import static dev.tiketti.core.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketUpdate;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.TransitionRequest;
import dev.tiketti.core.workflow.TransitionDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

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

    static Gen<Attempt> attempts() {
        return in -> new Attempt(Generate.pick(TRANSITIONS).generate(in), integers().between(0, 2).generate(in),
                booleans().all().generate(in), booleans().all().generate(in),
                integers().between(0, 9).generate(in) == 0);
    }

    @Test
    void successesAddOneVersionAndOneHistoryEntryAndRefusalsChangeNothing() {
        Map<String, Integer> outcomes = new TreeMap<>();
        qt(150).forAll(lists().of(attempts()).ofSizeBetween(0, 25))
                .checkAssert(attempts -> eachSuccessAddsOneVersionAndEachRefusalNothing(attempts, outcomes));
        // The generator must reach every outcome often enough for the property to mean something.
        int all = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(outcomes).as("outcomes of %s attempts", all).containsOnlyKeys("taken", "TRANSITION_DENIED",
                "UNKNOWN_TRANSITION", "CONCURRENT_UPDATE", "IMPOSSIBLE_VERSION");
        assertThat(outcomes.get("taken")).as("taken").isGreaterThan(all * 5 / 100);
        assertThat(outcomes.get("TRANSITION_DENIED")).as("denied").isGreaterThan(all * 2 / 100);
        assertThat(outcomes.get("UNKNOWN_TRANSITION")).as("unknown").isGreaterThan(all * 2 / 100);
        assertThat(outcomes.get("CONCURRENT_UPDATE")).as("concurrent update").isGreaterThan(all / 200);
        assertThat(outcomes.get("IMPOSSIBLE_VERSION")).as("impossible version").isGreaterThan(all / 200);
    }

    private static void eachSuccessAddsOneVersionAndEachRefusalNothing(List<Attempt> attempts,
                                                                     Map<String, Integer> outcomes) {
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
                // an older version is stale (retryable); before the first change there is none, and a
                // newer one is a version the ticket never had (refused for good): both change nothing
                r = r.expectedVersion(before.version() > 1 ? before.version() - 1 : before.version() + 1);
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
                assertThat(a.stale()).as("a transition with a stale expected version succeeded").isFalse();
                outcomes.merge("taken", 1, Integer::sum);
            } catch (TicketingException refused) {
                assertThat(refused.code()).isIn(ErrorCode.TRANSITION_DENIED, ErrorCode.UNKNOWN_TRANSITION,
                        ErrorCode.CONCURRENT_UPDATE, ErrorCode.IMPOSSIBLE_VERSION);
                assertThat(f.ticketing.tickets().get(t.id())).isEqualTo(before);
                assertThat(f.ticketing.tickets().history(t.id())).isEqualTo(historyBefore);
                assertThat(f.ticketing.tickets().timeline(t.id())).isEqualTo(timelineBefore);
                assertThat(f.events).hasSize(eventsBefore);
                outcomes.merge(refused.code().name(), 1, Integer::sum);
            }
            Ticket now = f.ticketing.tickets().get(t.id());
            List<HistoryEntry> history = f.ticketing.tickets().history(t.id());
            assertThat(history).hasSize((int) now.version());
            assertThat(history.get(history.size() - 1).sequence()).isEqualTo(now.version());
            assertThat(f.ticketing.definitions().workflow("hr-general").orElseThrow().state(now.state())).isPresent();
        }
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
