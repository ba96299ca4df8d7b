package dev.tiketti.jpa.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.ticket.EntryKind;
import dev.tiketti.core.ticket.HistoryAction;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.ticket.TicketUpdate;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.TransitionRequest;
import dev.tiketti.core.workflow.WorkflowDefinition;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A few threads doing ticket work through {@link Ticketing} (open, get, update, add a note,
 * transition, query), each on tickets of its own so that they never conflict, while a test takes
 * the database away and brings it back. Every call is recorded with a phase counter at its start
 * and end: {@code 3k} while all is well, {@code 3k+1} while the database is stopping or down,
 * {@code 3k+2} once it is back but before every thread has succeeded again (the pool is still
 * reconnecting), so a failure can be told apart as caused by an outage or not. Loops are bounded by
 * {@link #stop}; each call is bounded by the pool's connection timeout.
 */
public final class TicketWorkload {
    public static final Contact REQUESTER = Contact.withEmail("Aino Virtanen", "aino.virtanen@example.fi",
            AssuranceLevel.LOW);
    private static final Actor MAIJA = Actor.agent("maija", "hr");

    /** One call: what it was, the outage counter when it started and ended, and how it failed, if it did. */
    public record Call(String operation, int thread, int counterAtStart, int counterAtEnd, @Nullable Throwable failure) {
        public boolean duringOutage() {
            return counterAtStart % 3 != 0 || counterAtEnd % 3 != 0 || counterAtStart != counterAtEnd;
        }

        /** The outage (1, 2, ...) this call met, or 0. */
        public int outage() {
            return duringOutage() ? (counterAtEnd + 2) / 3 : 0;
        }

        public boolean failed() {
            return failure != null;
        }

        /** The error code of the failure, or the exception class if it is not a TicketingException. */
        public String code() {
            return failure instanceof TicketingException t ? t.code().id()
                    : failure == null ? "ok" : failure.getClass().getName();
        }
    }

    private enum Op { GET, UPDATE, NOTE, TRANSITION, QUERY, OPEN }

    private final int threads;
    private final int ticketsPerThread;
    private volatile Ticketing ticketing;
    private final AtomicInteger outageCounter = new AtomicInteger();
    private volatile boolean running;
    private final List<Thread> workers = new ArrayList<>();
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    /** Per thread, its tickets. */
    private final List<List<TicketId>> ticketsOf = new CopyOnWriteArrayList<>();
    /** The highest version a successful change returned, per ticket. */
    private final Map<TicketId, Long> confirmedVersion = new ConcurrentHashMap<>();
    /** The notes whose addEntry returned, per ticket. */
    private final Map<TicketId, Set<UUID>> confirmedNotes = new ConcurrentHashMap<>();
    private final AtomicInteger subjects = new AtomicInteger();

    public TicketWorkload(Ticketing ticketing, int threads, int ticketsPerThread) {
        this.ticketing = ticketing;
        this.threads = threads;
        this.ticketsPerThread = ticketsPerThread;
    }

    /** Saves the requester, a workflow and a ticket type, and opens each thread's first tickets. */
    public void prepare() {
        Ticketing t = ticketing;
        t.privacy().register().save(REQUESTER);
        t.definitions().publishWorkflow(WorkflowDefinition.builder("hr-general")
                .state("NEW", StateCategory.NEW).state("OPEN", StateCategory.OPEN)
                .state("WAITING", StateCategory.WAITING).state("CLOSED", StateCategory.CLOSED)
                .transition("start").from("NEW").to("OPEN")
                .transition("wait").from("OPEN").to("WAITING")
                .transition("resume").from("WAITING").to("OPEN")
                .transition("close").from("OPEN").to("CLOSED")
                .build());
        t.definitions().defineType(new TicketType("annual-leave", TeamId.of("hr"), "HR", "Annual leave question",
                "hr-general", List.of()));
        for (int i = 0; i < threads; i++) {
            List<TicketId> mine = new CopyOnWriteArrayList<>();
            for (int j = 0; j < ticketsPerThread; j++) {
                Ticket opened = open(t);
                mine.add(opened.id());
                confirmedVersion.put(opened.id(), opened.version());
            }
            ticketsOf.add(mine);
        }
    }

    /** The facade the workers use from now on (e.g. one built on a new pool). */
    public void use(Ticketing next) {
        ticketing = next;
    }

    public synchronized void start() {
        running = true;
        for (int i = 0; i < threads; i++) {
            int thread = i;
            Thread w = new Thread(() -> work(thread), "ticket-worker-" + i);
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
    }

    /** Called right before the database is taken away. */
    public void outageBegins() {
        assertThat(outageCounter.incrementAndGet() % 3).as("phase").isEqualTo(1);
    }

    /** Called right after the database is back. */
    public void databaseIsBack() {
        assertThat(outageCounter.incrementAndGet() % 3).as("phase").isEqualTo(2);
    }

    /**
     * Waits (at most {@code max}) until every thread has had a call succeed since the database came
     * back, then ends the outage: from now on a failure is not the outage's.
     */
    public boolean awaitRecovery(Duration max) throws InterruptedException {
        int since = outageCounter.get();
        assertThat(since % 3).as("phase").isEqualTo(2);
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            Set<Integer> succeeded = calls.stream().filter(c -> !c.failed() && c.counterAtStart() == since
                    && c.counterAtEnd() == since).map(Call::thread).collect(Collectors.toSet());
            if (succeeded.size() == threads) {
                outageCounter.incrementAndGet();
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return false;
    }

    public int outageCounter() {
        return outageCounter.get();
    }

    /** Waits until {@code n} more calls have been made. */
    public void awaitCalls(int n, Duration max) throws InterruptedException {
        int target = calls.size() + n;
        long deadline = System.nanoTime() + max.toNanos();
        while (calls.size() < target && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    public void stop() throws InterruptedException {
        running = false;
        for (Thread w : workers) {
            w.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(w.isAlive()).as("%s stopped", w.getName()).isFalse();
        }
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Counts of calls by outcome code, e.g. {@code {ok=812, TKT-0601=57}}. */
    public static Map<String, Long> byCode(List<Call> calls) {
        return calls.stream().collect(Collectors.groupingBy(Call::code, TreeMap::new, Collectors.counting()));
    }

    /** Counts of failed calls by operation and code. */
    public static Map<String, Long> failuresByOperation(List<Call> calls) {
        return calls.stream().filter(Call::failed).collect(Collectors.groupingBy(c -> c.operation() + " " + c.code(),
                TreeMap::new, Collectors.counting()));
    }

    /**
     * Checks every ticket in the database: nothing half-written (the version equals the number of
     * history entries, numbered 1..version; one note per ENTRY_ADDED entry) and nothing lost (each
     * ticket at least at the version a successful call returned, each confirmed note present).
     * Returns how many tickets were checked.
     */
    public int verifyStored(Ticketing reader) {
        List<Ticket> all = reader.tickets().query(TicketQuery.all().team(TeamId.of("hr")));
        assertThat(all.size()).as("tickets (fewer than the query limit)").isLessThan(TicketQuery.DEFAULT_LIMIT);
        Map<TicketId, Ticket> stored = all.stream().collect(Collectors.toMap(Ticket::id, t -> t));
        for (Ticket t : all) {
            List<HistoryEntry> history = reader.tickets().history(t.id());
            List<TimelineEntry> timeline = reader.tickets().timeline(t.id());
            assertThat(t.version()).as("version of %s = its history entries", t.key()).isEqualTo(history.size());
            assertThat(history).extracting(HistoryEntry::sequence).as("history sequences of %s", t.key())
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, t.version()).boxed().toList());
            long notes = timeline.stream().filter(e -> e.kind() == EntryKind.INTERNAL_NOTE).count();
            long added = history.stream().filter(h -> h.action() == HistoryAction.ENTRY_ADDED).count();
            assertThat(notes).as("notes of %s = its ENTRY_ADDED history entries", t.key()).isEqualTo(added);
        }
        confirmedVersion.forEach((id, version) -> {
            assertThat(stored).as("a ticket whose change or opening was confirmed").containsKey(id);
            assertThat(stored.get(id).version()).as("version of %s", stored.get(id).key()).isGreaterThanOrEqualTo(version);
        });
        confirmedNotes.forEach((id, notes) -> assertThat(reader.tickets().timeline(id)).extracting(TimelineEntry::id)
                .as("confirmed notes of %s", id).containsAll(notes));
        return all.size();
    }

    // ------------------------------------------------------------------------------------- the workers

    private void work(int thread) {
        Op[] mix = {Op.GET, Op.UPDATE, Op.NOTE, Op.TRANSITION, Op.GET, Op.NOTE, Op.QUERY, Op.UPDATE, Op.TRANSITION,
                Op.OPEN};
        int i = 0;
        while (running) {
            Op op = mix[i % mix.length];
            List<TicketId> mine = ticketsOf.get(thread);
            TicketId id = mine.get((i / mix.length) % mine.size());
            i++;
            int start = outageCounter.get();
            Throwable failure = null;
            try {
                run(op, thread, id);
            } catch (RuntimeException | AssertionError e) {
                failure = e;
            }
            int end = outageCounter.get();
            calls.add(new Call(op.name().toLowerCase(java.util.Locale.ROOT), thread, start, end, failure));
            if (failure != null) {
                pause(50); // as a host's retry would; the pool's timeout bounds each call anyway
            }
        }
    }

    private void run(Op op, int thread, TicketId id) {
        Ticketing t = ticketing;
        switch (op) {
            case GET -> t.tickets().get(id);
            case UPDATE -> confirm(t.tickets().update(TicketUpdate.of(id, MAIJA)
                    .subject("Vuosiloman siirto " + subjects.incrementAndGet())));
            case NOTE -> {
                TimelineEntry note = t.tickets().addEntry(NewEntry.note(id, MAIJA, "Soitin, palaan asiaan."));
                confirmedNotes.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(note.id());
            }
            case TRANSITION -> {
                Ticket current = t.tickets().get(id);
                String next = switch (current.state()) {
                    case "NEW", "WAITING" -> current.state().equals("NEW") ? "start" : "resume";
                    default -> "wait";
                };
                confirm(t.tickets().transition(TransitionRequest.of(id, next, MAIJA)));
            }
            case QUERY -> t.tickets().query(TicketQuery.all().team(TeamId.of("hr")).limit(20));
            case OPEN -> {
                Ticket opened = open(t);
                confirmedVersion.put(opened.id(), opened.version());
                ticketsOf.get(thread).add(opened.id());
            }
            default -> throw new IllegalStateException(op.name());
        }
    }

    private void confirm(Ticket changed) {
        confirmedVersion.merge(changed.id(), changed.version(), Math::max);
    }

    private static Ticket open(Ticketing t) {
        return t.tickets().open(OpenTicket.of("annual-leave", REQUESTER.id(), "Vuosiloman siirto", Channel.EMAIL)
                .body("Voinko siirtää lomani syksyyn?"));
    }

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The failed calls during outages, grouped by code, for reports. */
    public static Map<String, Long> outageFailuresByCode(List<Call> calls) {
        Map<String, Long> m = new TreeMap<>();
        calls.stream().filter(Call::failed).filter(Call::duringOutage).forEach(c -> m.merge(c.code(), 1L, Long::sum));
        return m;
    }
}
