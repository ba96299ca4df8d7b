package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.spi.StoredTicket;
import dev.tiketti.core.spi.TicketChange;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.ticket.AttachmentRef;
import dev.tiketti.core.ticket.CustomFields;
import dev.tiketti.core.ticket.EntryKind;
import dev.tiketti.core.ticket.FieldChange;
import dev.tiketti.core.ticket.HistoryAction;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.Visibility;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for {@link TicketStore} adapters: extend it, implement
 * {@link #createStore()}, and every obligation written in the SPI's Javadoc is checked against
 * your implementation (atomic versioned updates that never overwrite, append-only ordered
 * timeline and history, unique key numbers, the query semantics of {@link TicketQuery#matches},
 * thread-safety).
 *
 * <pre>{@code
 * class MyTicketStoreContractTest extends TicketStoreContract {
 *     protected TicketStore createStore() { return new MyTicketStore(freshDatabase()); }
 * }
 * }</pre>
 *
 * <p>A store that joins units of work (a database transaction per {@code Ticketing} call) also
 * overrides {@link #transactions()}, so that the contract can hold one unit open while another
 * runs; see {@link #waitsForAnotherUnit(Thread)} for how it tells that the other one waits.
 *
 * <p>Instants used by the contract have millisecond precision; they must be returned exactly.
 * After every test an invariant check reads every stored ticket back (see
 * {@link #checkInvariantsThenDispose()}).
 *
 * <p>To prove a whole storage adapter, extend {@link StorageContract} instead: it runs this
 * contract as one of its groups, on the store your {@code Storage} provides. Extend this class
 * alone for a store proven on its own.
 *
 * @since 0.1
 */
@DisplayName("TicketStore contract")
public abstract class TicketStoreContract {
    /** A fixed instant with millisecond precision, which every real database can hold exactly. */
    protected static final Instant T0 = Instant.parse("2024-12-05T13:55:00.123Z");
    private static final Actor MAIJA = Actor.agent("maija", "hr");

    protected TicketStore store;
    private final AtomicInteger keys = new AtomicInteger();

    /**
     * A new, empty store for each test. Called once before every test; tests never share a
     * store, so an adapter may, for example, hand out a fresh database schema each time.
     */
    protected abstract TicketStore createStore();

    /** Called after every test with the store {@link #createStore()} returned; close resources here. */
    protected void disposeStore(TicketStore used) {
    }

    /**
     * The units of work the store joins, for the tests that overlap two of them: a database store
     * returns the {@code Transactions} it is wired with (the same instance the host hands to
     * {@code Ticketing.builder().transactions(...)}), belonging to the store of the running test.
     * The default runs the work as it is, for stores that are atomic per call.
     */
    protected Transactions transactions() {
        return Transactions.none();
    }

    /**
     * Whether {@code unit}, the thread of a unit of work that the contract started while another
     * one is held open, is now waiting for that other one (a row lock, a uniqueness check). The
     * contract lets the held unit commit once this says yes or the waiting unit has finished, so
     * that the race it sets up is met at the database rather than avoided by timing.
     *
     * <p>The default says yes when the thread is blocked, waiting or parked (how an embedded
     * database such as H2, a connection pool or a Java lock waits) or is inside a socket read (how
     * the client of a database server waits for its answer). Override it for a sharper answer
     * from the database itself, for example PostgreSQL's
     * {@code pg_stat_activity.wait_event_type = 'Lock'}. A yes that comes too early only makes the
     * race less sharp; it never fails a correct store. A store that never makes a unit wait
     * finishes it instead, which the contract also accepts.
     */
    protected boolean waitsForAnotherUnit(Thread unit) {
        return looksWaiting(unit);
    }

    /** The default of {@link #waitsForAnotherUnit}, shared with {@link StorageContract}. */
    static boolean looksWaiting(Thread unit) {
        Thread.State state = unit.getState();
        if (state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
            return true;
        }
        for (StackTraceElement frame : unit.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("sun.nio.ch.") || type.startsWith("java.net.Socket")) {
                return true;
            }
        }
        return false;
    }

    @BeforeEach
    void createStoreForTest() {
        store = createStore();
    }

    /**
     * After every test, whatever it did: each stored ticket's history is numbered 1 to its
     * version without gaps or repeats (the tests write it so, so a store that loses, repeats or
     * reorders entries shows here), and every entry belongs to its ticket.
     */
    @AfterEach
    protected final void checkInvariantsThenDispose() {
        if (store == null) {
            return; // the store could not be created; the test has already failed or been skipped
        }
        try {
            for (Ticket ticket : store.query(TicketQuery.all().limit(100_000))) {
                List<HistoryEntry> history = store.history(ticket.id());
                assertThat(history).as("history of %s after the test", ticket.key())
                        .extracting(HistoryEntry::sequence)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, ticket.version()).boxed().toList());
                assertThat(history).allSatisfy(h -> assertThat(h.ticketId()).isEqualTo(ticket.id()));
                assertThat(store.timeline(ticket.id())).allSatisfy(e -> assertThat(e.ticketId()).isEqualTo(ticket.id()));
            }
        } finally {
            disposeStore(store);
        }
    }

    // ------------------------------------------------------------------ fixtures

    /** A ticket at version 1 with a unique key under prefix {@code HR}, of type {@code annual-leave}, team {@code hr}. */
    protected Ticket newTicket() {
        return newTicket("HR", keys.incrementAndGet());
    }

    /** A ticket at version 1 with the given key and every optional part filled in. */
    protected Ticket newTicket(String prefix, long number) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("leaveYear", new BigDecimal("2025"));
        fields.put("daysRequested", new BigDecimal("7.5"));
        fields.put("neededBy", LocalDate.of(2025, 1, 31));
        fields.put("urgent", Boolean.TRUE);
        fields.put("purpose", "loan");
        fields.put("substitute", ContactId.of("7b0c2c4e-5d47-4a3e-9a57-2a1d6c0f4e11"));
        return new Ticket(TicketId.random(), new TicketKey(prefix, number), "annual-leave", "hr-general", 1, "NEW",
                Optional.of(Classification.of("Palvelussuhde/Vuosiloma")), Priority.HIGH, ContactId.random(),
                Optional.of(OrganizationId.of("3f1e8a52-6c1d-4d8b-9e7a-0b5c2d4f6a13")), Optional.of(new AgentId("maija")), TeamId.of("hr"),
                Channel.EMAIL, "Vuosiloman siirto (testi)", Optional.empty(), new CustomFields(fields), T0, T0,
                Optional.empty(), 1);
    }

    /** The CREATED history entry that belongs with {@code ticket}. */
    protected static HistoryEntry created(Ticket ticket) {
        return new HistoryEntry(ticket.id(), 1, ticket.createdAt(), Actor.system(), HistoryAction.CREATED,
                Optional.empty(), List.of(FieldChange.of("state", null, ticket.state())));
    }

    /** A public inbound message on {@code ticket}'s timeline. */
    protected static TimelineEntry message(Ticket ticket, String body, Instant at) {
        return new TimelineEntry(UUID.randomUUID(), ticket.id(), EntryKind.INBOUND_MESSAGE, Actor.system(),
                Visibility.PUBLIC, Channel.EMAIL, body, List.of(new AttachmentRef(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "liite.pdf", "application/pdf", 0)),
                at);
    }

    /** Stores {@code ticket} with its CREATED entry and one inbound message. */
    protected Ticket stored(Ticket ticket) {
        store.create(ticket, List.of(message(ticket, "Voinko siirtää lomani?", ticket.createdAt())),
                List.of(created(ticket)));
        return ticket;
    }

    /** The change that moves {@code current} to {@code state}: next version, one history entry, one note. */
    protected static TicketChange moveTo(Ticket current, String state) {
        Instant at = current.updatedAt().plusSeconds(60);
        Ticket next = current.withState(state).nextVersion(at);
        TimelineEntry note = new TimelineEntry(UUID.randomUUID(), current.id(), EntryKind.INTERNAL_NOTE, MAIJA,
                Visibility.INTERNAL, Channel.OTHER, "Siirretty tilaan " + state, List.of(), at);
        return new TicketChange(next, current.version(), List.of(note), List.of(new HistoryEntry(current.id(),
                next.version(), at, MAIJA, HistoryAction.TRANSITIONED, Optional.of("to-" + state.toLowerCase()),
                List.of(FieldChange.of("state", current.state(), state)))));
    }

    private Ticket reload(Ticket ticket) {
        return store.find(ticket.id()).orElseThrow(() -> new AssertionError("ticket " + ticket.key() + " vanished"));
    }

    // ------------------------------------------------------------------ tests

    @Nested
    @DisplayName("creating a ticket")
    class Creating {
        @Test
        @DisplayName("stores it so that it is found by id and by key, equal in every component")
        void roundTrip() {
            Ticket ticket = stored(newTicket());
            assertThat(store.find(ticket.id())).contains(ticket);
            assertThat(store.findByKey(ticket.key())).contains(ticket);
        }

        @Test
        @DisplayName("keeps a ticket without the optional parts as such")
        void minimalTicket() {
            Ticket full = newTicket();
            Ticket minimal = full.withClassification(Optional.empty()).withAssignee(Optional.empty())
                    .withFields(CustomFields.empty());
            minimal = new Ticket(minimal.id(), minimal.key(), minimal.typeId(), minimal.workflowId(),
                    minimal.workflowVersion(), minimal.state(), minimal.classification(), Priority.NORMAL,
                    minimal.requester(), Optional.empty(), Optional.empty(), minimal.team(), Channel.PHONE,
                    minimal.subject(), Optional.empty(), CustomFields.empty(), T0, T0, Optional.empty(), 1);
            store.create(minimal, List.of(), List.of(created(minimal)));
            assertThat(store.find(minimal.id())).contains(minimal);
            assertThat(store.timeline(minimal.id())).isEmpty();
        }

        @Test
        @DisplayName("stores the first timeline and history entries with it, in order")
        void entriesStoredWithTicket() {
            Ticket ticket = newTicket();
            TimelineEntry first = message(ticket, "Ensimmäinen viesti", T0);
            TimelineEntry second = message(ticket, "Toinen viesti", T0.plusMillis(1));
            store.create(ticket, List.of(first, second), List.of(created(ticket)));
            assertThat(store.timeline(ticket.id())).containsExactly(first, second);
            assertThat(store.history(ticket.id())).containsExactly(created(ticket));
        }

        @Test
        @DisplayName("refuses a second ticket with the same id with code DUPLICATE and keeps the first")
        void duplicateId() {
            Ticket first = stored(newTicket());
            Ticket sameId = new Ticket(first.id(), new TicketKey("HR", 9_999), first.typeId(), first.workflowId(),
                    1, "OPEN", first.classification(), first.priority(), first.requester(), first.organization(),
                    first.assignee(), first.team(), first.channel(), "Toinen", first.resolution(), first.fields(),
                    T0, T0, Optional.empty(), 1);
            assertThatThrownBy(() -> store.create(sameId, List.of(), List.of(created(sameId))))
                    .isInstanceOf(TicketingException.class)
                    .extracting(e -> ((TicketingException) e).code()).isEqualTo(ErrorCode.DUPLICATE);
            assertThat(store.find(first.id())).contains(first);
            assertThat(store.findByKey(new TicketKey("HR", 9_999))).isEmpty();
            assertThat(store.history(first.id())).hasSize(1);
        }

        @Test
        @DisplayName("refuses a second ticket with the same key with code DUPLICATE and keeps the first")
        void duplicateKey() {
            Ticket first = stored(newTicket("HR", 42));
            Ticket sameKey = newTicket("HR", 42);
            assertThatThrownBy(() -> store.create(sameKey, List.of(), List.of(created(sameKey))))
                    .isInstanceOf(TicketingException.class)
                    .extracting(e -> ((TicketingException) e).code()).isEqualTo(ErrorCode.DUPLICATE);
            assertThat(store.findByKey(first.key())).contains(first);
            assertThat(store.find(sameKey.id())).isEmpty();
        }
    }

    @Nested
    @DisplayName("looking up what does not exist")
    class NotFound {
        @Test
        @DisplayName("finds no ticket for an unknown id or key")
        void unknownTicket() {
            stored(newTicket());
            assertThat(store.find(TicketId.random())).isEmpty();
            assertThat(store.findByKey(new TicketKey("ZZ", 1))).isEmpty();
        }

        @Test
        @DisplayName("returns an empty timeline and history for an unknown ticket, not null")
        void emptyListsForUnknownTicket() {
            assertThat(store.timeline(TicketId.random())).isNotNull().isEmpty();
            assertThat(store.history(TicketId.random())).isNotNull().isEmpty();
        }

        @Test
        @DisplayName("refuses to update a ticket that was never created, and does not create it")
        void updateOfMissingTicket() {
            Ticket ghost = newTicket();
            Throwable thrown = catchThrowable(() -> store.update(moveTo(ghost, "OPEN")));
            assertThat(thrown).isInstanceOf(TicketingException.class);
            assertThat(store.find(ghost.id())).isEmpty();
            assertThat(store.findByKey(ghost.key())).isEmpty();
            assertThat(store.history(ghost.id())).isEmpty();
        }
    }

    @Nested
    @DisplayName("updating a ticket")
    class Updating {
        @Test
        @DisplayName("stores the new version and appends its entries when the expected version matches")
        void matchingVersion() {
            Ticket ticket = stored(newTicket());
            TicketChange change = moveTo(ticket, "OPEN");
            store.update(change);
            assertThat(reload(ticket)).isEqualTo(change.ticket());
            assertThat(store.history(ticket.id())).containsExactly(created(ticket), change.newHistory().get(0));
            assertThat(store.timeline(ticket.id())).hasSize(2).endsWith(change.newEntries().get(0));
        }

        @Test
        @DisplayName("refuses a stale version with ConcurrentUpdateException and changes nothing")
        void staleVersion() {
            Ticket ticket = stored(newTicket());
            TicketChange first = moveTo(ticket, "OPEN");
            store.update(first);
            List<TimelineEntry> timeline = store.timeline(ticket.id());
            List<HistoryEntry> history = store.history(ticket.id());

            TicketChange stale = moveTo(ticket, "CLOSED"); // built from version 1, store is at 2
            assertThatThrownBy(() -> store.update(stale)).isInstanceOf(ConcurrentUpdateException.class)
                    .extracting(e -> ((TicketingException) e).code()).isEqualTo(ErrorCode.CONCURRENT_UPDATE);
            assertThat(reload(ticket)).isEqualTo(first.ticket());
            assertThat(store.timeline(ticket.id())).isEqualTo(timeline);
            assertThat(store.history(ticket.id())).isEqualTo(history);
        }

        @Test
        @DisplayName("refuses a version from the future as well")
        void futureVersion() {
            Ticket ticket = stored(newTicket());
            Ticket ahead = ticket.nextVersion(T0).nextVersion(T0); // version 3
            TicketChange jump = moveTo(ahead, "OPEN");              // expects 3
            assertThatThrownBy(() -> store.update(jump)).isInstanceOf(ConcurrentUpdateException.class);
            assertThat(reload(ticket)).isEqualTo(ticket);
            assertThat(store.history(ticket.id())).hasSize(1);
        }

        @Test
        @DisplayName("keeps timeline and history append-only and in the order written, across many updates")
        void appendOnlyInOrder() {
            Ticket ticket = stored(newTicket());
            List<HistoryEntry> expectedHistory = new ArrayList<>(List.of(created(ticket)));
            List<TimelineEntry> expectedTimeline = new ArrayList<>(store.timeline(ticket.id()));
            Ticket current = ticket;
            for (String state : List.of("OPEN", "WAITING", "OPEN", "RESOLVED", "CLOSED", "OPEN")) {
                TicketChange change = moveTo(current, state);
                store.update(change);
                expectedHistory.addAll(change.newHistory());
                expectedTimeline.addAll(change.newEntries());
                current = change.ticket();
                assertThat(store.history(ticket.id())).isEqualTo(expectedHistory);
                assertThat(store.timeline(ticket.id())).isEqualTo(expectedTimeline);
            }
            assertThat(store.history(ticket.id())).extracting(HistoryEntry::sequence)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            assertThat(reload(ticket).version()).isEqualTo(7);
        }

        @Test
        @DisplayName("stores several entries of one change atomically and in order")
        void severalEntriesInOneChange() {
            Ticket ticket = stored(newTicket());
            Instant at = T0.plus(Duration.ofMinutes(5));
            TimelineEntry a = message(ticket, "Liite 1", at);
            TimelineEntry b = message(ticket, "Liite 2", at);
            TimelineEntry c = message(ticket, "Liite 3", at);
            Ticket next = ticket.nextVersion(at);
            HistoryEntry entry = new HistoryEntry(ticket.id(), 2, at, MAIJA, HistoryAction.ENTRY_ADDED,
                    Optional.empty(), List.of(FieldChange.of("timeline", null, "INBOUND_MESSAGE")));
            store.update(new TicketChange(next, 1, List.of(a, b, c), List.of(entry)));
            assertThat(store.timeline(ticket.id())).hasSize(4).endsWith(a, b, c);
            assertThat(store.history(ticket.id())).endsWith(entry);
        }

        @Test
        @DisplayName("keeps every other ticket as it was")
        void otherTicketsUntouched() {
            Ticket one = stored(newTicket());
            Ticket two = stored(newTicket());
            store.update(moveTo(one, "OPEN"));
            assertThat(reload(two)).isEqualTo(two);
            assertThat(store.history(two.id())).hasSize(1);
            assertThat(store.timeline(two.id())).hasSize(1);
        }
    }

    @Nested
    @DisplayName("drawing key numbers")
    class Numbers {
        @Test
        @DisplayName("starts from 1 and increases for each prefix independently")
        void perPrefixSequence() {
            long hr1 = store.nextNumber("HR");
            long hr2 = store.nextNumber("HR");
            long bill1 = store.nextNumber("LASKU");
            long hr3 = store.nextNumber("HR");
            assertThat(hr1).isEqualTo(1);
            assertThat(hr2).isGreaterThan(hr1);
            assertThat(hr3).isGreaterThan(hr2);
            assertThat(bill1).isEqualTo(1);
        }

        @Test
        @DisplayName("never returns the same number twice, also when many threads draw at once")
        void uniqueUnderConcurrency() throws Exception {
            int threads = 8;
            int perThread = 50;
            List<Long> drawn = runConcurrently(threads, () -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(store.nextNumber("HR"));
                }
                return mine;
            }).stream().flatMap(List::stream).toList();
            assertThat(drawn).hasSize(threads * perThread).doesNotHaveDuplicates().allMatch(n -> n >= 1);
        }

        /*
         * Racing threads seldom meet where a store creates the counter of a new prefix: one is usually
         * done before the other starts. Here the first unit of work draws number 1 and stores its
         * ticket, then stays open (its counter, if the store creates it in the unit, not committed)
         * until the second unit, started meanwhile, waits for it or has finished. The SPI promises a
         * number, never the same twice, and lists no failure for nextNumber (Ticketing.open does not
         * retry), so the second unit must succeed with number 2 rather than fail.
         */
        @Test
        @DisplayName("gives the first two tickets of a new prefix numbers 1 and 2 when the second unit of work starts while the first is still open")
        void firstNumbersOfANewPrefixInOverlappingUnits() throws Exception {
            String prefix = "UUSI";
            CountDownLatch firstHasItsNumber = new CountDownLatch(1);
            CountDownLatch secondIsInside = new CountDownLatch(1);
            CountDownLatch releaseFirst = new CountDownLatch(1);
            AtomicReference<Thread> secondThread = new AtomicReference<>();
            ExecutorService units = Executors.newFixedThreadPool(2);
            try {
                Future<Ticket> first = units.submit(() -> transactions().inTransaction(() -> {
                    Ticket mine = stored(newTicket(prefix, store.nextNumber(prefix)));
                    firstHasItsNumber.countDown();
                    awaitRelease(releaseFirst);
                    return mine;
                }));
                awaitUntil("the first unit of work has drawn its number and stored its ticket",
                        () -> firstHasItsNumber.getCount() == 0 || first.isDone());
                if (firstHasItsNumber.getCount() != 0) {
                    outcome("first", prefix, first); // it failed before drawing: report why
                }
                Future<Ticket> second = units.submit(() -> {
                    secondThread.set(Thread.currentThread());
                    return transactions().inTransaction(() -> {
                        secondIsInside.countDown();
                        return stored(newTicket(prefix, store.nextNumber(prefix)));
                    });
                });
                awaitUntil("the second unit of work waits for the first one or has finished", () -> second.isDone()
                        || secondIsInside.getCount() == 0 && waitsForAnotherUnit(secondThread.get()));
                releaseFirst.countDown();

                Ticket one = outcome("first", prefix, first);
                Ticket two = outcome("second", prefix, second);

                assertThat(one.key()).isEqualTo(new TicketKey(prefix, 1));
                assertThat(two.key()).isEqualTo(new TicketKey(prefix, 2));
                for (Ticket t : List.of(one, two)) {
                    assertThat(store.find(t.id())).as("ticket %s by id", t.key()).contains(t);
                    assertThat(store.findByKey(t.key())).as("ticket %s by key", t.key()).contains(t);
                    assertThat(store.history(t.id())).containsExactly(created(t));
                    assertThat(store.timeline(t.id())).hasSize(1);
                }
                assertThat(store.nextNumber(prefix)).as("the number after both units committed").isEqualTo(3);
            } finally {
                releaseFirst.countDown();
                units.shutdownNow();
            }
        }
    }

    /** Waits, from inside the held unit of work, until the test lets it commit. */
    private static void awaitRelease(CountDownLatch release) {
        try {
            if (!release.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the held unit of work was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while held open", e);
        }
    }

    /** Polls {@code condition} (a liveness bound far beyond normal runs, not a timing assertion). */
    private static void awaitUntil(String what, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(5)).until(condition);
    }

    /** The ticket a unit of work stored, or an assertion error saying how it failed. */
    private static Ticket outcome(String which, String prefix, Future<Ticket> unit) throws Exception {
        try {
            return unit.get(2, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw new AssertionError("The " + which + " of two overlapping units of work that each draw a number of the"
                    + " new prefix " + prefix + " and store a ticket with it failed; both must succeed, with numbers"
                    + " 1 and 2: " + e.getCause(), e.getCause());
        }
    }

    @Nested
    @DisplayName("querying tickets")
    class Querying {
        private Ticket hr1;
        private Ticket hr2;
        private Ticket hr10;
        private Ticket bill3;
        private final ContactId aino = ContactId.random();

        @BeforeEach
        void someTickets() {
            Ticket base = newTicket("HR", 2);
            hr2 = stored(base);
            hr10 = stored(variant(newTicket("HR", 10), "OPEN", Optional.empty(), "salary-certificate",
                    "Palvelussuhde/Palkka", TeamId.of("hr"), base.requester()));
            hr1 = stored(variant(newTicket("HR", 1), "OPEN", Optional.of(new AgentId("pekka")), "annual-leave",
                    "Palvelussuhde", TeamId.of("hr"), aino));
            bill3 = stored(variant(newTicket("LASKU", 3), "CLOSED", Optional.of(new AgentId("maija")), "invoice",
                    "Laskutus/Virhe", TeamId.of("billing"), aino));
        }

        private Ticket variant(Ticket t, String state, Optional<AgentId> assignee, String type, String classification,
                               TeamId team, ContactId requester) {
            return new Ticket(t.id(), t.key(), type, t.workflowId(), 1, state, Optional.of(Classification.of(classification)),
                    t.priority(), requester, t.organization(), assignee, team, t.channel(), t.subject(),
                    t.resolution(), t.fields(), T0, T0, Optional.empty(), 1);
        }

        @Test
        @DisplayName("returns every ticket ordered by key prefix, then by number as a number (HR-2 before HR-10)")
        void orderedByKey() {
            assertThat(store.query(TicketQuery.all())).containsExactly(hr1, hr2, hr10, bill3);
        }

        @Test
        @DisplayName("filters by team")
        void byTeam() {
            assertThat(store.query(TicketQuery.all().team(TeamId.of("billing")))).containsExactly(bill3);
        }

        @Test
        @DisplayName("filters by any of several states")
        void byStates() {
            assertThat(store.query(TicketQuery.all().states(Set.of("NEW", "CLOSED")))).containsExactly(hr2, bill3);
        }

        @Test
        @DisplayName("filters by assignee, and by being unassigned")
        void byAssignee() {
            assertThat(store.query(TicketQuery.all().assignee(new AgentId("maija")))).containsExactly(hr2, bill3);
            assertThat(store.query(TicketQuery.all().unassigned())).containsExactly(hr10);
        }

        @Test
        @DisplayName("filters by type and by requester")
        void byTypeAndRequester() {
            assertThat(store.query(TicketQuery.all().type("annual-leave"))).containsExactly(hr1, hr2);
            assertThat(store.query(TicketQuery.all().requester(aino))).containsExactly(hr1, bill3);
        }

        @Test
        @DisplayName("filters by classification prefix on whole segments only")
        void byClassificationPrefix() {
            assertThat(store.query(TicketQuery.all().classifiedUnder(Classification.of("Palvelussuhde"))))
                    .containsExactly(hr1, hr2, hr10);
            assertThat(store.query(TicketQuery.all().classifiedUnder(Classification.of("Palvelussuhde/Palkka"))))
                    .containsExactly(hr10);
            assertThat(store.query(TicketQuery.all().classifiedUnder(Classification.of("Palvelu")))).isEmpty();
        }

        @Test
        @DisplayName("combines criteria: every present criterion must match")
        void combined() {
            assertThat(store.query(TicketQuery.all().team(TeamId.of("hr")).states(Set.of("OPEN")).requester(aino)))
                    .containsExactly(hr1);
            assertThat(store.query(TicketQuery.all().team(TeamId.of("billing")).type("annual-leave"))).isEmpty();
        }

        @Test
        @DisplayName("caps the result at the limit, keeping the first tickets by key")
        void limit() {
            assertThat(store.query(TicketQuery.all().limit(2))).containsExactly(hr1, hr2);
        }

        @Test
        @DisplayName("agrees with TicketQuery.matches, the reference semantics, on many combinations")
        void agreesWithReference() {
            List<Ticket> all = List.of(hr1, hr2, hr10, bill3);
            List<TicketQuery> queries = new ArrayList<>();
            for (Optional<TeamId> team : List.of(Optional.<TeamId>empty(), Optional.of(TeamId.of("hr")))) {
                for (Set<String> states : List.of(Set.<String>of(), Set.of("OPEN"), Set.of("NEW", "CLOSED"))) {
                    for (int who = 0; who < 3; who++) {
                        for (int limit : List.of(1, 3, 100)) {
                            TicketQuery q = TicketQuery.all().states(states).limit(limit);
                            q = team.map(q::team).orElse(q);
                            q = who == 1 ? q.assignee(new AgentId("maija")) : who == 2 ? q.unassigned() : q;
                            queries.add(q);
                        }
                    }
                }
            }
            for (TicketQuery q : queries) {
                List<Ticket> expected = all.stream().filter(q::matches)
                        .sorted(Comparator.comparing((Ticket t) -> t.key().prefix())
                                .thenComparingLong(t -> t.key().number()))
                        .limit(q.limit()).toList();
                assertThat(store.query(q)).as("query %s", q).isEqualTo(expected);
            }
        }

        @Test
        @DisplayName("sees the latest version of an updated ticket")
        void seesUpdates() {
            store.update(moveTo(hr2, "OPEN"));
            assertThat(store.query(TicketQuery.all().states(Set.of("OPEN"))))
                    .extracting(Ticket::key).containsExactly(hr1.key(), hr2.key(), hr10.key());
            assertThat(store.query(TicketQuery.all().states(Set.of("NEW")))).isEmpty();
        }
    }

    @Nested
    @DisplayName("work queues: changed since, SLA due before, and keyset paging")
    class WorkQueues {
        private Ticket at(Ticket t, Instant when) {
            return new Ticket(t.id(), t.key(), t.typeId(), t.workflowId(), t.workflowVersion(), t.state(),
                    t.classification(), t.priority(), t.requester(), t.organization(), t.assignee(), t.team(),
                    t.channel(), t.subject(), t.resolution(), t.fields(), when, when, t.slaDue(), t.version());
        }

        @Test
        @DisplayName("filters by updated at or after an instant, to the nanosecond")
        void updatedSince() {
            Ticket early = stored(at(newTicket("HR", 1), T0.plusNanos(1_001)));
            Ticket late = stored(at(newTicket("HR", 2), T0.plusNanos(1_500)));
            Ticket later = stored(at(newTicket("HR", 3), T0.plusSeconds(3_600)));
            assertThat(store.query(TicketQuery.all().updatedSince(T0))).containsExactly(early, late, later);
            assertThat(store.query(TicketQuery.all().updatedSince(T0.plusNanos(1_002)))).containsExactly(late, later);
            assertThat(store.query(TicketQuery.all().updatedSince(T0.plusNanos(1_500)))).containsExactly(late, later);
            assertThat(store.query(TicketQuery.all().updatedSince(T0.plusNanos(1_501)))).containsExactly(later);
            assertThat(store.query(TicketQuery.all().updatedSince(T0.plusSeconds(3_601)))).isEmpty();
        }

        @Test
        @DisplayName("sees a ticket as changed once it is updated")
        void updatedSinceSeesUpdates() {
            Ticket t = stored(newTicket("HR", 1));
            stored(newTicket("HR", 2));
            TicketChange change = moveTo(t, "OPEN");
            store.update(change);
            assertThat(store.query(TicketQuery.all().updatedSince(T0.plusSeconds(1)))).containsExactly(change.ticket());
        }

        @Test
        @DisplayName("returns tickets after a key, by prefix then number, whether or not that key exists")
        void afterKey() {
            Ticket hr2 = stored(newTicket("HR", 2));
            Ticket hr10 = stored(newTicket("HR", 10));
            Ticket hra1 = stored(newTicket("HRA", 1));
            Ticket lasku1 = stored(newTicket("LASKU", 1));
            assertThat(store.query(TicketQuery.all().after(new TicketKey("HR", 2)))).containsExactly(hr10, hra1, lasku1);
            assertThat(store.query(TicketQuery.all().after(new TicketKey("HR", 3)))).containsExactly(hr10, hra1, lasku1);
            assertThat(store.query(TicketQuery.all().after(new TicketKey("HR", 10)))).containsExactly(hra1, lasku1);
            assertThat(store.query(TicketQuery.all().after(new TicketKey("A", 99)))).containsExactly(hr2, hr10, hra1, lasku1);
            assertThat(store.query(TicketQuery.all().after(new TicketKey("LASKU", 1)))).isEmpty();
            assertThat(store.query(TicketQuery.all().after(new TicketKey("HR", 2)).limit(1))).containsExactly(hr10);
        }

        @Test
        @DisplayName("pages through a filtered queue without gaps or repeats, for every page size")
        void pagesWithoutGapsOrRepeats() {
            List<Ticket> all = new ArrayList<>();
            String[] prefixes = {"HR", "HRA", "LASKU", "IT"};
            for (int i = 0; i < 23; i++) {
                Ticket t = newTicket(prefixes[i % prefixes.length], 1 + (i * 7L) % 23);
                if (i % 3 == 0) {
                    t = t.withAssignee(Optional.empty());
                }
                if (i % 2 == 0) {
                    t = t.withSlaDue(Optional.of(T0.plusSeconds(600L * i)));
                }
                all.add(stored(t));
            }
            for (TicketQuery queue : List.of(TicketQuery.all(), TicketQuery.all().unassigned(),
                    TicketQuery.all().team(TeamId.of("hr")).assignee(new AgentId("maija")),
                    TicketQuery.all().slaDueBefore(T0.plusSeconds(7_200)))) {
                List<Ticket> expected = all.stream().filter(queue::matches)
                        .sorted(Comparator.comparing(Ticket::key, TicketQuery.KEY_ORDER)).toList();
                assertThat(store.query(queue)).as("one page of %s", queue).isEqualTo(expected);
                for (int size = 1; size <= expected.size() + 1; size++) {
                    List<Ticket> read = new ArrayList<>();
                    List<Ticket> page = store.query(queue.limit(size));
                    int pages = 1;
                    while (true) {
                        assertThat(page).hasSizeLessThanOrEqualTo(size);
                        read.addAll(page);
                        if (page.size() < size) {
                            break;
                        }
                        page = store.query(queue.limit(size).after(page.get(page.size() - 1).key()));
                        pages++;
                    }
                    assertThat(read).as("%s in pages of %d", queue, size).isEqualTo(expected);
                    assertThat(pages).isEqualTo(expected.size() / size + 1);
                }
            }
        }

        private TicketChange withDue(TicketChange change, Optional<Instant> due) {
            return new TicketChange(change.ticket().withSlaDue(due), change.expectedVersion(), change.newEntries(),
                    change.newHistory());
        }

        @Test
        @DisplayName("stores the SLA due instant to the nanosecond; an update sets, moves or clears it")
        void slaDueRoundTrip() {
            Instant due = T0.plusSeconds(4 * 3600).plusNanos(1_234_567);
            Ticket t = stored(newTicket("HR", 1).withSlaDue(Optional.of(due)));
            assertThat(reload(t).slaDue()).contains(due);
            TicketChange paused = withDue(moveTo(t, "WAITING"), Optional.empty());
            store.update(paused);
            assertThat(reload(t)).isEqualTo(paused.ticket());
            assertThat(reload(t).slaDue()).isEmpty();
            TicketChange resumed = withDue(moveTo(paused.ticket(), "OPEN"),
                    Optional.of(T0.plusSeconds(90_000).plusNanos(7)));
            store.update(resumed);
            assertThat(reload(t)).isEqualTo(resumed.ticket());
        }

        @Test
        @DisplayName("filters by SLA due strictly before an instant, to the nanosecond; overdue included, no due never")
        void slaDueBefore() {
            Ticket overdue = stored(newTicket("HR", 1).withSlaDue(Optional.of(T0.minusSeconds(3_600))));
            Ticket soon = stored(newTicket("HR", 2).withSlaDue(Optional.of(T0.plusNanos(1_500))));
            Ticket none = stored(newTicket("HR", 3));
            Ticket later = stored(newTicket("HR", 4).withSlaDue(Optional.of(T0.plusSeconds(7_200))));
            assertThat(none.slaDue()).isEmpty();
            assertThat(store.query(TicketQuery.all().slaDueBefore(T0))).containsExactly(overdue);
            assertThat(store.query(TicketQuery.all().slaDueBefore(T0.plusNanos(1_500)))).containsExactly(overdue);
            assertThat(store.query(TicketQuery.all().slaDueBefore(T0.plusNanos(1_501)))).containsExactly(overdue, soon);
            assertThat(store.query(TicketQuery.all().slaDueBefore(T0.plusSeconds(7_200))))
                    .containsExactly(overdue, soon);
            assertThat(store.query(TicketQuery.all().slaDueBefore(T0.plusSeconds(7_201))))
                    .containsExactly(overdue, soon, later);
            assertThat(store.query(TicketQuery.all().slaDueBefore(T0.minusSeconds(3_600)))).isEmpty();
        }

        @Test
        @DisplayName("SLA due before combines with the other criteria, keyset paging and updates")
        void slaDueBeforeCombined() {
            Ticket hr1 = stored(newTicket("HR", 1).withSlaDue(Optional.of(T0.plusSeconds(60))));
            Ticket hr2 = stored(newTicket("HR", 2).withSlaDue(Optional.of(T0.plusSeconds(120)))
                    .withAssignee(Optional.empty()));
            Ticket hr3 = stored(newTicket("HR", 3).withSlaDue(Optional.of(T0.plusSeconds(180))));
            TicketQuery queue = TicketQuery.all().team(TeamId.of("hr")).slaDueBefore(T0.plusSeconds(3_600));
            assertThat(store.query(queue)).containsExactly(hr1, hr2, hr3);
            assertThat(store.query(queue.unassigned())).containsExactly(hr2);
            assertThat(store.query(queue.assignee(new AgentId("maija")).limit(1).after(hr1.key())))
                    .containsExactly(hr3);
            assertThat(store.query(queue.team(TeamId.of("billing")))).isEmpty();
            TicketChange met = withDue(moveTo(hr1, "RESOLVED"), Optional.empty());
            store.update(met);
            assertThat(store.query(queue)).containsExactly(hr2, hr3);
            assertThat(store.query(queue.states(Set.of("NEW")))).containsExactly(hr2, hr3);
        }

        @Test
        @DisplayName("a ticket created between pages, before the cursor, is not repeated and does not shift the next page")
        void stableUnderInserts() {
            stored(newTicket("HR", 1));
            Ticket hr3 = stored(newTicket("HR", 3));
            Ticket hr5 = stored(newTicket("HR", 5));
            List<Ticket> first = store.query(TicketQuery.all().limit(2));
            stored(newTicket("HR", 2)); // sorts before the cursor HR-3
            assertThat(store.query(TicketQuery.all().limit(2).after(first.get(1).key()))).containsExactly(hr5);
            assertThat(first.get(1)).isEqualTo(hr3);
        }
    }

    @Nested
    @DisplayName("under concurrent use")
    class Concurrency {
        @Test
        @DisplayName("lets exactly one of several racing updates from the same version win; the rest fail, nothing is overwritten")
        void racingUpdates() throws Exception {
            Ticket ticket = stored(newTicket());
            int threads = 8;
            ConcurrentLinkedQueue<TicketChange> winners = new ConcurrentLinkedQueue<>();
            AtomicInteger conflicts = new AtomicInteger();
            AtomicInteger index = new AtomicInteger();
            runConcurrently(threads, () -> {
                TicketChange change = moveTo(ticket, "STATE_" + index.incrementAndGet());
                try {
                    store.update(change);
                    winners.add(change);
                } catch (ConcurrentUpdateException e) {
                    conflicts.incrementAndGet();
                }
                return null;
            });
            assertThat(winners).hasSize(1);
            assertThat(conflicts).hasValue(threads - 1);
            TicketChange won = winners.peek();
            assertThat(reload(ticket)).isEqualTo(won.ticket());
            assertThat(store.history(ticket.id())).containsExactly(created(ticket), won.newHistory().get(0));
            assertThat(store.timeline(ticket.id())).hasSize(2);
        }

        @Test
        @DisplayName("loses no change when threads reload and retry after conflicts")
        void retryLoopsLoseNothing() throws Exception {
            Ticket ticket = stored(newTicket());
            int threads = 6;
            int perThread = 15;
            runConcurrently(threads, () -> {
                for (int i = 0; i < perThread; i++) {
                    while (true) {
                        Ticket current = reload(ticket);
                        try {
                            store.update(moveTo(current, "S" + (current.version() % 3)));
                            break;
                        } catch (ConcurrentUpdateException e) {
                            // reload and retry, as the SPI tells callers to
                        }
                    }
                }
                return null;
            });
            int changes = threads * perThread;
            assertThat(reload(ticket).version()).isEqualTo(1 + changes);
            List<HistoryEntry> history = store.history(ticket.id());
            assertThat(history).hasSize(1 + changes);
            assertThat(history).extracting(HistoryEntry::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(store.timeline(ticket.id())).hasSize(1 + changes);
        }

        @Test
        @DisplayName("creates tickets from many threads at once without losing or mixing any")
        void concurrentCreates() throws Exception {
            int threads = 6;
            int perThread = 20;
            List<Ticket> created = runConcurrently(threads, () -> {
                List<Ticket> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    Ticket t = newTicket("HR", store.nextNumber("HR"));
                    stored(t);
                    mine.add(t);
                }
                return mine;
            }).stream().flatMap(List::stream).toList();
            Set<TicketKey> keys = new HashSet<>();
            for (Ticket t : created) {
                assertThat(store.find(t.id())).contains(t);
                assertThat(store.findByKey(t.key())).contains(t);
                assertThat(store.history(t.id())).containsExactly(created(t));
                keys.add(t.key());
            }
            assertThat(keys).hasSize(threads * perThread);
            assertThat(store.query(TicketQuery.all().limit(10_000))).hasSize(threads * perThread);
        }
    }

    /**
     * Runs {@code task} on {@code threads} threads released together, and returns their results.
     * Fails (rather than hangs) if they do not finish within a generous bound.
     */
    protected static <T> List<T> runConcurrently(int threads, Callable<T> task) throws Exception {
        return Concurrently.run(threads, task);
    }

    // ------------------------------------------------------------ rewrite and delete (erasure)

    private static final Instant R0 = Instant.parse("2024-05-02T09:00:00Z");
    private static final ContactId AINO = ContactId.of("7e570000-0000-4000-8000-000000000001");
    private static final ContactId PEKKA = ContactId.of("7e570000-0000-4000-8000-000000000002");

    /** A stored ticket with one inbound message and one history entry, requested by an invented person. */
    private StoredTicket storeOne(String prefix) {
        TicketKey key = new TicketKey(prefix, store.nextNumber(prefix));
        Ticket t = new Ticket(TicketId.random(), key, "general", "simple", 1, "NEW", Optional.empty(), Priority.NORMAL,
                AINO, Optional.empty(), Optional.empty(), TeamId.of("hr"), Channel.EMAIL, "Aino Virtanen kysyy",
                Optional.empty(), CustomFields.empty(), R0, R0, Optional.empty(), 1);
        TimelineEntry e = new TimelineEntry(UUID.randomUUID(), t.id(), EntryKind.INBOUND_MESSAGE, Actor.contact(AINO),
                Visibility.PUBLIC, Channel.EMAIL, "Terveisin Aino Virtanen", List.of(), R0);
        HistoryEntry h = new HistoryEntry(t.id(), 1, R0, Actor.contact(AINO), HistoryAction.CREATED, Optional.empty(),
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
            Ticket updated = before.ticket().withSubject("Uusi otsikko").nextVersion(R0.plusSeconds(60));
            store.update(new TicketChange(updated, 1, List.of(), List.of(new HistoryEntry(updated.id(), 2,
                    R0.plusSeconds(60), Actor.agent("maija"), HistoryAction.UPDATED, Optional.empty(),
                    List.of(FieldChange.of("subject", "Aino Virtanen kysyy", "Uusi otsikko"))))));
            AtomicInteger calls = new AtomicInteger();
            List<StoredTicket> seen = new ArrayList<>();

            store.rewrite(before.ticket().id(), current -> {
                calls.incrementAndGet();
                seen.add(current);
                Ticket t = current.ticket();
                return new StoredTicket(new Ticket(t.id(), t.key(), t.typeId(), t.workflowId(), t.workflowVersion(),
                        t.state(), t.classification(), t.priority(), PEKKA, t.organization(), t.assignee(), t.team(),
                        t.channel(), t.subject(), t.resolution(), t.fields(), t.createdAt(), t.updatedAt(), t.slaDue(),
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
            Ticket next = store.find(before.ticket().id()).orElseThrow().nextVersion(R0.plusSeconds(5));

            store.update(new TicketChange(next, 1, List.of(), List.of(new HistoryEntry(next.id(), 2, R0.plusSeconds(5),
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
                    s -> new StoredTicket(redacted(s).ticket().nextVersion(R0), s.timeline(), s.history()),
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
                            t.createdAt(), t.updatedAt(), t.slaDue(), t.version()), s.timeline(), s.history()));
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
