package dev.tiketti.testkit.contract;

import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.inmemory.InMemoryAttachmentStore;
import dev.tiketti.core.inmemory.InMemoryDefinitionStore;
import dev.tiketti.core.inmemory.InMemoryTicketStore;
import dev.tiketti.core.spi.AttachmentStore;
import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.core.spi.TicketChange;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Deliberately broken stores and the contract runs over them, executed only through
 * {@link ContractsCatchBrokenStoresTest} (their names keep surefire from running them directly).
 */
final class BrokenStores {
    private BrokenStores() {
    }

    /** Last write wins: no version check, no duplicate check, no locking. */
    static final class OverwritingTicketStore implements TicketStore {
        private final Map<TicketId, Ticket> tickets = new HashMap<>();
        private final Map<TicketId, List<TimelineEntry>> timelines = new HashMap<>();
        private final Map<TicketId, List<HistoryEntry>> histories = new HashMap<>();
        private long next;

        @Override
        public void create(Ticket ticket, List<TimelineEntry> timeline, List<HistoryEntry> history) {
            tickets.put(ticket.id(), ticket);
            timelines.put(ticket.id(), new ArrayList<>(timeline));
            histories.put(ticket.id(), new ArrayList<>(history));
        }

        @Override
        public void update(TicketChange change) {
            TicketId id = change.ticket().id();
            if (!tickets.containsKey(id)) {
                throw new IllegalStateException("missing");
            }
            tickets.put(id, change.ticket());
            timelines.get(id).addAll(change.newEntries());
            histories.get(id).addAll(change.newHistory());
        }

        @Override
        public Optional<Ticket> find(TicketId id) {
            return Optional.ofNullable(tickets.get(id));
        }

        @Override
        public Optional<Ticket> findByKey(TicketKey key) {
            return tickets.values().stream().filter(t -> t.key().equals(key)).findFirst();
        }

        @Override
        public List<TimelineEntry> timeline(TicketId id) {
            return List.copyOf(timelines.getOrDefault(id, List.of()));
        }

        @Override
        public List<HistoryEntry> history(TicketId id) {
            return List.copyOf(histories.getOrDefault(id, List.of()));
        }

        @Override
        public long nextNumber(String prefix) {
            return ++next;
        }

        @Override
        public boolean rewrite(TicketId id, java.util.function.UnaryOperator<dev.tiketti.core.spi.StoredTicket> rewriter) {
            Ticket t = tickets.get(id);
            if (t == null) {
                return false;
            }
            var after = rewriter.apply(new dev.tiketti.core.spi.StoredTicket(t, timeline(id), history(id)));
            tickets.put(id, after.ticket());
            timelines.put(id, new ArrayList<>(after.timeline()));
            histories.put(id, new ArrayList<>(after.history()));
            return true;
        }

        @Override
        public boolean delete(TicketId id) {
            timelines.remove(id);
            histories.remove(id);
            return tickets.remove(id) != null;
        }

        @Override
        public List<Ticket> query(TicketQuery query) {
            // newest key first and uncapped: wrong in a way that fails every time, not by chance
            return tickets.values().stream().filter(query::matches)
                    .sorted(java.util.Comparator.comparing((Ticket t) -> t.key().prefix()).reversed()
                            .thenComparing(java.util.Comparator.comparingLong((Ticket t) -> t.key().number()).reversed()))
                    .toList();
        }
    }

    /**
     * An adapter written before {@code Ticket.slaDue} existed (it maps every other column), with an
     * inclusive "due before" bound: wrong in two ways the work-queue group must catch.
     */
    static final class SlaBlindTicketStore implements TicketStore {
        private final InMemoryTicketStore delegate = new InMemoryTicketStore();
        private final Map<TicketId, Instant> dueColumn = new HashMap<>(); // written on create only

        @Override
        public void create(Ticket ticket, List<TimelineEntry> timeline, List<HistoryEntry> history) {
            delegate.create(ticket, timeline, history);
            ticket.slaDue().ifPresent(due -> dueColumn.put(ticket.id(), due));
        }

        @Override
        public void update(TicketChange change) {
            delegate.update(change); // the UPDATE statement was not extended: the due stays as created
        }

        private Ticket read(Ticket t) {
            return t.withSlaDue(Optional.ofNullable(dueColumn.get(t.id())));
        }

        @Override
        public Optional<Ticket> find(TicketId id) {
            return delegate.find(id).map(this::read);
        }

        @Override
        public Optional<Ticket> findByKey(TicketKey key) {
            return delegate.findByKey(key).map(this::read);
        }

        @Override
        public List<TimelineEntry> timeline(TicketId id) {
            return delegate.timeline(id);
        }

        @Override
        public List<HistoryEntry> history(TicketId id) {
            return delegate.history(id);
        }

        @Override
        public long nextNumber(String prefix) {
            return delegate.nextNumber(prefix);
        }

        @Override
        public boolean rewrite(TicketId id, java.util.function.UnaryOperator<dev.tiketti.core.spi.StoredTicket> rewriter) {
            return delegate.rewrite(id, rewriter);
        }

        @Override
        public boolean delete(TicketId id) {
            dueColumn.remove(id);
            return delegate.delete(id);
        }

        @Override
        public List<Ticket> query(TicketQuery query) {
            TicketQuery rest = new TicketQuery(query.team(), query.states(), query.assignee(), query.unassignedOnly(),
                    query.typeId(), query.classificationPrefix(), query.requester(), query.updatedSince(),
                    query.after(), TicketQuery.DEFAULT_LIMIT);
            return delegate.query(rest).stream().map(this::read)
                    .filter(t -> query.slaDueBefore().map(b -> t.slaDue().map(d -> !d.isAfter(b)).orElse(false))
                            .orElse(true))
                    .limit(query.limit()).toList();
        }
    }

    /**
     * Draws key numbers inside a unit of work from the counters as they stood when the unit began,
     * and writes them back when it commits: what a database store does that reads the counter row
     * without a lock and creates a missing one without a unique key. Calls outside a unit are
     * atomic, so only overlapping units of work see the same number twice.
     */
    static final class UnlockedCounterTicketStore implements TicketStore {
        private final InMemoryTicketStore delegate = new InMemoryTicketStore();
        private final Map<String, Long> committed = new java.util.concurrent.ConcurrentHashMap<>();
        private final ThreadLocal<Map<String, Long>> unit = new ThreadLocal<>();
        final Transactions transactions = new Transactions() {
            @Override
            public <T> T inTransaction(java.util.function.Supplier<T> work) {
                unit.set(new HashMap<>());
                try {
                    T result = work.get();
                    committed.putAll(unit.get());
                    return result;
                } finally {
                    unit.remove();
                }
            }
        };

        @Override
        public long nextNumber(String prefix) {
            Map<String, Long> drawn = unit.get();
            if (drawn == null) {
                return committed.merge(prefix, 1L, Long::sum);
            }
            long next = drawn.getOrDefault(prefix, committed.getOrDefault(prefix, 0L)) + 1;
            drawn.put(prefix, next);
            return next;
        }

        @Override
        public void create(Ticket ticket, List<TimelineEntry> timeline, List<HistoryEntry> history) {
            delegate.create(ticket, timeline, history);
        }

        @Override
        public void update(TicketChange change) {
            delegate.update(change);
        }

        @Override
        public Optional<Ticket> find(TicketId id) {
            return delegate.find(id);
        }

        @Override
        public Optional<Ticket> findByKey(TicketKey key) {
            return delegate.findByKey(key);
        }

        @Override
        public List<TimelineEntry> timeline(TicketId id) {
            return delegate.timeline(id);
        }

        @Override
        public List<HistoryEntry> history(TicketId id) {
            return delegate.history(id);
        }

        @Override
        public List<Ticket> query(TicketQuery query) {
            return delegate.query(query);
        }

        @Override
        public boolean rewrite(TicketId id, java.util.function.UnaryOperator<dev.tiketti.core.spi.StoredTicket> rewriter) {
            return delegate.rewrite(id, rewriter);
        }

        @Override
        public boolean delete(TicketId id) {
            return delegate.delete(id);
        }
    }

    /** Accepts any workflow version and replaces what was there. */
    static final class ForgivingDefinitionStore implements DefinitionStore {
        private final InMemoryDefinitionStore types = new InMemoryDefinitionStore();
        private final Map<String, Map<Integer, WorkflowDefinition>> workflows = new HashMap<>();

        @Override
        public void saveType(TicketType type) {
            types.saveType(type);
        }

        @Override
        public Optional<TicketType> findType(String id) {
            return types.findType(id);
        }

        @Override
        public List<TicketType> types() {
            return types.types();
        }

        @Override
        public synchronized void saveWorkflow(WorkflowDefinition definition) {
            workflows.computeIfAbsent(definition.id(), k -> new HashMap<>()).put(definition.version(), definition);
        }

        @Override
        public synchronized Optional<WorkflowDefinition> findWorkflow(String id, int version) {
            return Optional.ofNullable(workflows.getOrDefault(id, Map.of()).get(version));
        }

        @Override
        public synchronized Optional<WorkflowDefinition> latestWorkflow(String id) {
            return workflows.getOrDefault(id, Map.of()).values().stream()
                    .max(java.util.Comparator.comparingInt(WorkflowDefinition::version));
        }
    }

    /** Upper-case addresses, and hands out its own arrays. */
    static final class SloppyAttachmentStore implements AttachmentStore {
        private final Map<String, byte[]> content = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public String put(byte[] bytes) {
            String digest = InMemoryAttachmentStore.sha256(bytes).toUpperCase(Locale.ROOT);
            content.put(digest, bytes);
            return digest;
        }

        @Override
        public Optional<byte[]> get(String sha256) {
            return Optional.ofNullable(content.get(sha256));
        }

        @Override
        public boolean delete(String sha256) {
            return content.remove(sha256) != null;
        }
    }

    static final class OverwritingTicketStoreRun extends TicketStoreContract {
        @Override
        protected TicketStore createStore() {
            return new OverwritingTicketStore();
        }
    }

    static final class SlaBlindTicketStoreRun extends TicketStoreContract {
        @Override
        protected TicketStore createStore() {
            return new SlaBlindTicketStore();
        }
    }

    static final class UnlockedCounterTicketStoreRun extends TicketStoreContract {
        private UnlockedCounterTicketStore current;

        @Override
        protected TicketStore createStore() {
            current = new UnlockedCounterTicketStore();
            return current;
        }

        @Override
        protected Transactions transactions() {
            return current.transactions;
        }
    }

    static final class ForgivingDefinitionStoreRun extends DefinitionStoreContract {
        @Override
        protected DefinitionStore createStore() {
            return new ForgivingDefinitionStore();
        }
    }

    static final class SloppyAttachmentStoreRun extends AttachmentStoreContract {
        @Override
        protected AttachmentStore createStore() {
            return new SloppyAttachmentStore();
        }
    }
}
