package dev.tiketti.testkit.contract;

import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.inmemory.InMemoryDefinitionStore;
import dev.tiketti.core.inmemory.InMemoryTicketStore;
import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.core.spi.StoredTicket;
import dev.tiketti.core.spi.TicketChange;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Units of work in memory, for showing that {@link TransactionsContract} passes correct units and
 * fails broken ones without a database: the outermost unit keeps the writes of its thread in an
 * overlay that only that thread reads, and applies them to core's in-memory stores when it
 * commits. Only the store methods the contract calls are implemented; a commit is applied under a
 * lock but may be seen half-applied, which is good enough here and nowhere else.
 */
final class ToyUnits implements Transactions {

    /** How the units behave: correctly, or broken in one way. */
    enum Flaw {
        NONE,
        /** Keeps the inherited {@link Transactions#afterCommit}: runs the action at once, also inside a unit. */
        RUNS_AFTER_COMMIT_AT_ONCE,
        /** Every {@code inTransaction} is a unit of its own: a nested one commits when it returns. */
        NESTED_COMMITS_ON_ITS_OWN,
        /** Wraps the work's runtime exceptions in a {@link TicketingException}. */
        WRAPS_EXCEPTIONS,
        /** Keeps the after-commit actions of a unit that rolled back, and runs them after the thread's next commit. */
        LEAKS_ACTIONS_OF_A_ROLLBACK
    }

    private static final class Unit {
        final Map<TicketId, StoredTicket> tickets = new LinkedHashMap<>();
        final Map<String, TicketType> types = new LinkedHashMap<>();
        final Map<String, List<WorkflowDefinition>> workflows = new LinkedHashMap<>();
        final List<Runnable> writes = new ArrayList<>();
        final List<Runnable> afterCommit = new ArrayList<>();
    }

    private final Flaw flaw;
    private final InMemoryTicketStore committedTickets = new InMemoryTicketStore();
    private final InMemoryDefinitionStore committedDefinitions = new InMemoryDefinitionStore();
    private final ThreadLocal<@Nullable Unit> current = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> leaked = ThreadLocal.withInitial(ArrayList::new);
    private final Object commitLock = new Object();
    final TicketStore tickets = new Tickets();
    final DefinitionStore definitions = new Definitions();

    ToyUnits(Flaw flaw) {
        this.flaw = flaw;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Unit outer = current.get();
        if (outer != null && flaw != Flaw.NESTED_COMMITS_ON_ITS_OWN) {
            return work.get();
        }
        Unit unit = new Unit();
        current.set(unit);
        T result;
        try {
            result = work.get();
            synchronized (commitLock) {
                unit.writes.forEach(Runnable::run);
            }
        } catch (RuntimeException e) {
            if (flaw == Flaw.LEAKS_ACTIONS_OF_A_ROLLBACK) {
                leaked.get().addAll(unit.afterCommit);
            }
            if (flaw == Flaw.WRAPS_EXCEPTIONS) {
                throw new TicketingException(ErrorCode.STORAGE_FAILURE, "The unit of work failed.", e);
            }
            throw e;
        } finally {
            current.set(outer);
        }
        List<Runnable> actions = new ArrayList<>(leaked.get());
        leaked.get().clear();
        actions.addAll(unit.afterCommit);
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                // the unit stands; a real adapter would log this
            }
        }
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        Unit unit = current.get();
        if (unit == null || flaw == Flaw.RUNS_AFTER_COMMIT_AT_ONCE) {
            action.run();
        } else {
            unit.afterCommit.add(action);
        }
    }

    /** Runs {@code work} in the thread's unit of work, or in a unit of its own outside one. */
    private <T> T inUnit(java.util.function.Function<Unit, T> work) {
        Unit unit = current.get();
        return unit != null ? work.apply(unit) : inTransaction(() -> work.apply(current.get()));
    }

    private Optional<StoredTicket> read(TicketId id) {
        Unit unit = current.get();
        if (unit != null && unit.tickets.containsKey(id)) {
            return Optional.of(unit.tickets.get(id));
        }
        return committedTickets.find(id).map(t -> new StoredTicket(t, committedTickets.timeline(id),
                committedTickets.history(id)));
    }

    private static <T> List<T> plus(List<T> list, List<T> more) {
        return Stream.concat(list.stream(), more.stream()).toList();
    }

    private final class Tickets implements TicketStore {
        @Override
        public void create(Ticket ticket, List<TimelineEntry> timeline, List<HistoryEntry> history) {
            inUnit(unit -> {
                unit.tickets.put(ticket.id(), new StoredTicket(ticket, timeline, history));
                unit.writes.add(() -> committedTickets.create(ticket, timeline, history));
                return null;
            });
        }

        @Override
        public void update(TicketChange change) {
            inUnit(unit -> {
                StoredTicket stored = read(change.ticket().id()).orElseThrow();
                if (stored.ticket().version() != change.expectedVersion()) {
                    throw new ConcurrentUpdateException("Ticket " + stored.ticket().key() + " is at version "
                            + stored.ticket().version() + ", not " + change.expectedVersion() + ". Reload and retry.");
                }
                unit.tickets.put(change.ticket().id(), new StoredTicket(change.ticket(),
                        plus(stored.timeline(), change.newEntries()), plus(stored.history(), change.newHistory())));
                unit.writes.add(() -> committedTickets.update(change));
                return null;
            });
        }

        @Override
        public Optional<Ticket> find(TicketId id) {
            return read(id).map(StoredTicket::ticket);
        }

        @Override
        public Optional<Ticket> findByKey(TicketKey key) {
            Unit unit = current.get();
            if (unit != null) {
                Optional<Ticket> own = unit.tickets.values().stream().map(StoredTicket::ticket)
                        .filter(t -> t.key().equals(key)).findFirst();
                if (own.isPresent()) {
                    return own;
                }
            }
            return committedTickets.findByKey(key);
        }

        @Override
        public List<TimelineEntry> timeline(TicketId id) {
            return read(id).map(StoredTicket::timeline).orElse(List.of());
        }

        @Override
        public List<HistoryEntry> history(TicketId id) {
            return read(id).map(StoredTicket::history).orElse(List.of());
        }

        @Override
        public long nextNumber(String prefix) {
            throw new UnsupportedOperationException("not needed by the Transactions contract");
        }

        @Override
        public List<Ticket> query(TicketQuery query) {
            throw new UnsupportedOperationException("not needed by the Transactions contract");
        }

        @Override
        public boolean rewrite(TicketId id, UnaryOperator<StoredTicket> rewriter) {
            throw new UnsupportedOperationException("not needed by the Transactions contract");
        }

        @Override
        public boolean delete(TicketId id) {
            throw new UnsupportedOperationException("not needed by the Transactions contract");
        }
    }

    private final class Definitions implements DefinitionStore {
        @Override
        public void saveType(TicketType type) {
            inUnit(unit -> {
                unit.types.put(type.id(), type);
                unit.writes.add(() -> committedDefinitions.saveType(type));
                return null;
            });
        }

        @Override
        public Optional<TicketType> findType(String id) {
            Unit unit = current.get();
            if (unit != null && unit.types.containsKey(id)) {
                return Optional.of(unit.types.get(id));
            }
            return committedDefinitions.findType(id);
        }

        @Override
        public List<TicketType> types() {
            throw new UnsupportedOperationException("not needed by the Transactions contract");
        }

        @Override
        public void saveWorkflow(WorkflowDefinition definition) {
            inUnit(unit -> {
                int latest = latestWorkflow(definition.id()).map(WorkflowDefinition::version).orElse(0);
                if (definition.version() != latest + 1) {
                    throw new ConcurrentUpdateException("Workflow " + definition.id() + " is at version " + latest
                            + "; only version " + (latest + 1) + " can be published.");
                }
                unit.workflows.computeIfAbsent(definition.id(), id -> new ArrayList<>()).add(definition);
                unit.writes.add(() -> committedDefinitions.saveWorkflow(definition));
                return null;
            });
        }

        @Override
        public Optional<WorkflowDefinition> findWorkflow(String id, int version) {
            Unit unit = current.get();
            if (unit != null) {
                Optional<WorkflowDefinition> own = unit.workflows.getOrDefault(id, List.of()).stream()
                        .filter(w -> w.version() == version).findFirst();
                if (own.isPresent()) {
                    return own;
                }
            }
            return committedDefinitions.findWorkflow(id, version);
        }

        @Override
        public Optional<WorkflowDefinition> latestWorkflow(String id) {
            Unit unit = current.get();
            if (unit != null && unit.workflows.containsKey(id)) {
                List<WorkflowDefinition> own = unit.workflows.get(id);
                return Optional.of(own.get(own.size() - 1));
            }
            return committedDefinitions.latestWorkflow(id);
        }
    }
}
