package dev.tiketti.jpa;

import static dev.tiketti.jpa.testing.Fixtures.created;
import static dev.tiketti.jpa.testing.Fixtures.entry;
import static dev.tiketti.jpa.testing.Fixtures.note;
import static dev.tiketti.jpa.testing.Fixtures.ticket;
import static dev.tiketti.jpa.testing.Fixtures.transitioned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.spi.TicketChange;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.jpa.testing.Fixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The ticket store on a real database; subclasses choose H2 or PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaTicketStoreTests {
    JpaStorage storage;
    TicketStore store;

    abstract DataSource dataSource();

    @BeforeAll
    void start() {
        storage = JpaStorage.builder().dataSource(dataSource()).migrate(true).build();
        store = storage.ticketStore();
    }

    @AfterAll
    void stop() {
        storage.close();
    }

    private static String unique() {
        // Each test uses its own prefix, so the tests share one database without seeing each other.
        return "T" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
    }

    @Test
    void a_created_ticket_is_found_by_id_and_key_with_every_value_intact() {
        Ticket t = ticket(unique(), 1);
        TimelineEntry first = entry(t, "Voinko siirtää lomani?");
        store.create(t, List.of(first), List.of(created(t)));

        assertThat(store.find(t.id())).contains(t);
        assertThat(store.findByKey(t.key())).contains(t);
        assertThat(store.timeline(t.id())).containsExactly(first);
        assertThat(store.history(t.id())).containsExactly(created(t));
        assertThat(store.find(dev.tiketti.core.common.TicketId.random())).isEmpty();
        assertThat(store.findByKey(new TicketKey(t.key().prefix(), 999))).isEmpty();
    }

    @Test
    void an_update_with_the_read_version_stores_the_ticket_and_appends_entries_in_order() {
        Ticket t = ticket(unique(), 1);
        TimelineEntry first = entry(t, "Hei");
        store.create(t, List.of(first), List.of(created(t)));
        Ticket v2 = Fixtures.assigned(t.withState("OPEN"), "maija").withResolution(Optional.of("Siirretty"))
                .nextVersion(t.updatedAt().plusSeconds(3600));
        TimelineEntry n1 = note(t, "Soitin esihenkilölle");
        TimelineEntry n2 = note(t, "Sovittu");

        store.update(new TicketChange(v2, 1, List.of(n1, n2), List.of(transitioned(v2, "start", "NEW", "OPEN"))));

        assertThat(store.find(t.id())).contains(v2);
        assertThat(store.timeline(t.id())).containsExactly(first, n1, n2);
        assertThat(store.history(t.id())).containsExactly(created(t), transitioned(v2, "start", "NEW", "OPEN"));
    }

    @Test
    void an_update_from_a_stale_version_is_refused_and_changes_nothing() {
        Ticket t = ticket(unique(), 1);
        store.create(t, List.of(), List.of(created(t)));
        Ticket v2 = t.withState("OPEN").nextVersion(t.updatedAt());
        store.update(new TicketChange(v2, 1, List.of(), List.of(transitioned(v2, "start", "NEW", "OPEN"))));

        Ticket stale = t.withState("CLOSED").nextVersion(t.updatedAt()); // also version 2, read at version 1
        assertThatThrownBy(() -> store.update(new TicketChange(stale, 1, List.of(note(t, "x")),
                List.of(transitioned(stale, "close", "NEW", "CLOSED")))))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("TKT-0201").hasMessageContaining(t.key().toString());

        assertThat(store.find(t.id())).contains(v2);
        assertThat(store.timeline(t.id())).isEmpty();
        assertThat(store.history(t.id())).hasSize(2);
    }

    @Test
    void updating_a_ticket_that_does_not_exist_is_not_found() {
        Ticket t = ticket(unique(), 1);
        assertThatThrownBy(() -> store.update(new TicketChange(t.nextVersion(t.updatedAt()), 1, List.of(), List.of())))
                .isInstanceOfSatisfying(TicketingException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TICKET_NOT_FOUND));
    }

    @Test
    void a_second_ticket_with_the_same_id_or_key_is_a_duplicate_and_writes_nothing() {
        Ticket t = ticket(unique(), 1);
        store.create(t, List.of(), List.of(created(t)));
        Ticket sameKey = ticket(t.key().prefix(), 1);
        Ticket sameId = new Ticket(t.id(), new TicketKey(t.key().prefix(), 2), t.typeId(), t.workflowId(),
                t.workflowVersion(), t.state(), t.classification(), t.priority(), t.requester(), t.organization(),
                t.assignee(), t.team(), t.channel(), t.subject(), t.resolution(), t.fields(), t.createdAt(),
                t.updatedAt(), t.slaDue(), 1);

        for (Ticket dup : List.of(sameKey, sameId)) {
            assertThatThrownBy(() -> store.create(dup, List.of(entry(dup, "again")), List.of(created(dup))))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE));
        }
        assertThat(store.find(sameKey.id())).isEmpty();
        assertThat(store.findByKey(sameId.key())).isEmpty();
        assertThat(store.timeline(t.id())).isEmpty();
    }

    @Test
    void two_racing_creates_of_one_key_store_one_ticket_and_report_the_other_as_duplicate() throws Exception {
        String prefix = unique();
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Ticket> candidates = List.of(ticket(prefix, 1), ticket(prefix, 1));
            List<Future<Ticket>> futures = new ArrayList<>();
            for (Ticket t : candidates) {
                futures.add(pool.submit(() -> storage.transactions().inTransaction(() -> {
                    try {
                        together.await(20, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    store.create(t, List.of(entry(t, "kilpa")), List.of(created(t)));
                    return t;
                })));
            }
            List<Ticket> created = new ArrayList<>();
            List<Throwable> refused = new ArrayList<>();
            for (Future<Ticket> f : futures) {
                try {
                    created.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    refused.add(e.getCause());
                }
            }
            assertThat(created).hasSize(1);
            assertThat(refused).singleElement().isInstanceOfSatisfying(TicketingException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE));
            assertThat(store.findByKey(new TicketKey(prefix, 1))).contains(created.get(0));
            Ticket loser = candidates.get(0).equals(created.get(0)) ? candidates.get(1) : candidates.get(0);
            assertThat(store.find(loser.id())).isEmpty();
            assertThat(store.timeline(loser.id())).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void next_number_counts_from_one_per_prefix() {
        String a = unique();
        String b = a + "B";
        assertThat(store.nextNumber(a)).isEqualTo(1);
        assertThat(store.nextNumber(a)).isEqualTo(2);
        assertThat(store.nextNumber(b)).isEqualTo(1);
        assertThat(store.nextNumber(a)).isEqualTo(3);
    }

    @Test
    void next_number_never_repeats_under_concurrent_callers() throws Exception {
        String prefix = unique();
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<Long>>> tasks = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                tasks.add(() -> {
                    List<Long> got = new ArrayList<>();
                    for (int j = 0; j < perThread; j++) {
                        got.add(store.nextNumber(prefix));
                    }
                    return got;
                });
            }
            Set<Long> all = new HashSet<>();
            int count = 0;
            for (Future<List<Long>> f : pool.invokeAll(tasks)) {
                for (long n : f.get()) {
                    all.add(n);
                    count++;
                }
            }
            assertThat(count).isEqualTo(threads * perThread);
            assertThat(all).hasSize(threads * perThread);
            assertThat(all).allSatisfy(n -> assertThat(n).isBetween(1L, (long) threads * perThread));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void query_matches_the_reference_semantics_ordered_by_key_and_limited() {
        String p = unique();
        TeamId team = TeamId.of("team-" + p.toLowerCase(java.util.Locale.ROOT));
        Ticket base = ticket(p, 1);
        ContactId other = ContactId.random();
        List<Ticket> all = List.of(
                with(base, 3, team, "NEW", null, "Palvelussuhde/Vuosiloma", Fixtures.AINO),
                with(base, 1, team, "OPEN", "maija", "Palvelussuhde", other),
                with(base, 2, team, "OPEN", "pekka", "Palvelussuhde_X/Muu", Fixtures.AINO),
                with(base, 10, team, "CLOSED", null, "Palkka/Lomaraha", other),
                with(base, 4, team, "NEW", "maija", null, Fixtures.AINO),
                with(base, 5, TeamId.of("billing"), "NEW", null, "Palvelussuhde", Fixtures.AINO));
        for (Ticket t : all) {
            store.create(t, List.of(), List.of(created(t)));
        }
        List<TicketQuery> queries = List.of(
                TicketQuery.all().team(team),
                TicketQuery.all().team(team).states(Set.of("OPEN", "NEW")),
                TicketQuery.all().team(team).unassigned(),
                TicketQuery.all().team(team).assignee(AgentId.of("maija")),
                TicketQuery.all().team(team).classifiedUnder(Classification.of("Palvelussuhde")),
                TicketQuery.all().classifiedUnder(Classification.of("Palvelussuhde_X")),
                TicketQuery.all().team(team).requester(other),
                TicketQuery.all().team(team).type("annual-leave").limit(2),
                TicketQuery.all().team(team).type("no-such-type"));
        for (TicketQuery q : queries) {
            List<Ticket> expected = all.stream().filter(q::matches)
                    .sorted(java.util.Comparator.comparingLong(t -> t.key().number())).limit(q.limit()).toList();
            List<Ticket> got = store.query(q).stream().filter(t -> t.key().prefix().equals(p)).toList();
            assertThat(got).as(q.toString()).containsExactlyElementsOf(expected);
        }
        assertThat(store.query(TicketQuery.all().team(team))).extracting(t -> t.key().number())
                .containsExactly(1L, 2L, 3L, 4L, 10L); // numeric, not text, order
    }

    private static Ticket with(Ticket base, long number, TeamId team, String state, String assignee, String classification,
                               ContactId requester) {
        Ticket t = new Ticket(dev.tiketti.core.common.TicketId.random(), new TicketKey(base.key().prefix(), number),
                base.typeId(), base.workflowId(), 1, state,
                Optional.ofNullable(classification).map(Classification::of), base.priority(), requester,
                base.organization(), Optional.ofNullable(assignee).map(AgentId::of), team, base.channel(),
                base.subject(), Optional.empty(), base.fields(), base.createdAt(), base.updatedAt(), Optional.empty(),
                1);
        return t;
    }
}
