package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.core.spi.TicketChange;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.ticket.CustomFields;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for {@link Transactions} whose units of work commit or roll back as one
 * across the stores that join them: what a {@code Ticketing} call, or a host's larger unit of work,
 * relies on. Extend it (or, for a whole storage, {@link StorageContract}, which runs it) and give
 * it the units of work and two stores that join them:
 *
 * <pre>{@code
 * class MyTransactionsContractTest extends TransactionsContract {
 *     private final MyTransactions transactions = new MyTransactions(freshDatabase());
 *     private final MyTicketStore tickets = new MyTicketStore(transactions);
 *     private final MyDefinitionStore definitions = new MyDefinitionStore(transactions);
 *     protected Transactions transactions() { return transactions; }
 *     protected TicketStore ticketStore() { return tickets; }
 *     protected DefinitionStore definitionStore() { return definitions; }
 * }
 * }</pre>
 *
 * <p>Checked: work that throws leaves nothing in either store and its exception (a runtime
 * exception or an error, the work's own or a store's) reaches the caller as the same instance;
 * another thread sees a unit's writes only once it commits; a nested unit joins the outer one;
 * {@link Transactions#afterCommit} work runs once after the outermost commit, never after a
 * rollback, at once outside any unit, and cannot undo the commit by failing. Stores that are
 * atomic per call with {@link Transactions#none()} have no unit of work to roll back: this
 * contract is not for them.
 *
 * <p>The hooks are called during each test and must return the same instances throughout one
 * test. The stores need not be empty: every test writes tickets under a key prefix of its own and
 * definitions with ids of its own. A read that the contract makes on another thread while a unit
 * is open may wait for that unit (a database that makes readers wait for writers); the contract
 * counts a read still waiting after five seconds as not seeing the unit's writes.
 *
 * @since 0.1
 */
@DisplayName("Transactions contract")
public abstract class TransactionsContract {
    private static final Instant T0 = Instant.parse("2024-12-05T13:55:00.123Z");
    private static final ContactId REQUESTER = ContactId.of("7e570000-0000-4000-8000-000000000011");
    /** How long another thread's read may wait for an open unit before it counts as not seeing it. */
    private static final long PATIENCE_SECONDS = 5;
    /** How long another thread's read of committed data may take at most. */
    private static final long READ_BOUND_SECONDS = 60;

    private final String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 9)
            .toUpperCase(Locale.ROOT);
    private final AtomicInteger numbers = new AtomicInteger();
    private final AtomicInteger definitionIds = new AtomicInteger();
    private ExecutorService elsewhere;

    /** The units of work under test. */
    protected abstract Transactions transactions();

    /** A ticket store that joins the units of {@link #transactions()}. */
    protected abstract TicketStore ticketStore();

    /** A definition store that joins the same units of work. */
    protected abstract DefinitionStore definitionStore();

    @BeforeEach
    void startReaders() {
        elsewhere = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stopReaders() throws InterruptedException {
        elsewhere.shutdown();
        if (!elsewhere.awaitTermination(READ_BOUND_SECONDS, TimeUnit.SECONDS)) {
            elsewhere.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ fixtures

    /** A new ticket at version 1 under this test's own key prefix; invented content. */
    private Ticket ticket() {
        return new Ticket(TicketId.random(), new TicketKey("T" + tag, numbers.incrementAndGet()), "annual-leave",
                "hr-general", 1, "NEW", Optional.empty(), Priority.NORMAL, REQUESTER, Optional.empty(),
                Optional.empty(), TeamId.of("hr"), Channel.EMAIL, "Vuosiloman siirto (testi)", Optional.empty(),
                CustomFields.empty(), T0, T0, Optional.empty(), 1);
    }

    private void create(Ticket ticket) {
        ticketStore().create(ticket, List.of(TicketStoreContract.message(ticket, "Voinko siirtää lomani?", T0)),
                List.of(TicketStoreContract.created(ticket)));
    }

    /** A ticket type with an id of this test's own. */
    private TicketType type() {
        return new TicketType("tx-" + tag.toLowerCase(Locale.ROOT) + "-" + definitionIds.incrementAndGet(),
                TeamId.of("hr"), "HR", "Vuosilomakysymys", "hr-general", List.of());
    }

    /** A workflow id of this test's own. */
    private String workflowId() {
        return "tx-wf-" + tag.toLowerCase(Locale.ROOT) + "-" + definitionIds.incrementAndGet();
    }

    private boolean stored(Ticket ticket) {
        return ticketStore().find(ticket.id()).isPresent();
    }

    private boolean stored(TicketType type) {
        return definitionStore().findType(type.id()).isPresent();
    }

    /** Asserts that nothing of {@code ticket} (the ticket, its timeline, its history) remains. */
    private void assertGone(Ticket ticket) {
        assertThat(ticketStore().find(ticket.id())).as("ticket %s", ticket.key()).isEmpty();
        assertThat(ticketStore().findByKey(ticket.key())).as("ticket %s by key", ticket.key()).isEmpty();
        assertThat(ticketStore().timeline(ticket.id())).as("timeline of %s", ticket.key()).isEmpty();
        assertThat(ticketStore().history(ticket.id())).as("history of %s", ticket.key()).isEmpty();
    }

    /**
     * Whether {@code read}, run on another thread that is in no unit of work, answers yes within
     * five seconds; a read that is still waiting then (for the open unit) counts as no.
     */
    private boolean seenElsewhere(Supplier<Boolean> read) {
        Future<Boolean> answer = elsewhere.submit(read::get);
        try {
            return answer.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new AssertionError("the read on another thread failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the read on another thread", e);
        }
    }

    /** What {@code read} returns on another thread that is in no unit of work; it must finish. */
    private <T> T readElsewhere(Supplier<T> read) {
        try {
            return elsewhere.submit(read::get).get(READ_BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("a read on another thread, outside any unit of work, did not finish within "
                    + READ_BOUND_SECONDS + " s: is a unit of work still holding locks?", e);
        } catch (ExecutionException e) {
            throw new AssertionError("the read on another thread failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the read on another thread", e);
        }
    }

    /** An error of the work's own, to show that errors are rolled back and passed on as well. */
    private static final class WorkError extends Error {
        WorkError(String message) {
            super(message);
        }
    }

    // ------------------------------------------------------------------ tests

    @Nested
    @DisplayName("a unit of work that completes")
    class Committing {
        @Test
        @DisplayName("returns what its work returned and keeps what the work wrote to both stores")
        void keepsBoth() {
            Ticket ticket = ticket();
            TicketType type = type();

            String result = transactions().inTransaction(() -> {
                create(ticket);
                definitionStore().saveType(type);
                return "valmis";
            });

            assertThat(result).isEqualTo("valmis");
            assertThat(ticketStore().find(ticket.id())).contains(ticket);
            assertThat(ticketStore().timeline(ticket.id())).hasSize(1);
            assertThat(ticketStore().history(ticket.id())).containsExactly(TicketStoreContract.created(ticket));
            assertThat(definitionStore().findType(type.id())).contains(type);
            assertThat(readElsewhere(() -> ticketStore().find(ticket.id()))).as("read on another thread")
                    .contains(ticket);
            assertThat(readElsewhere(() -> definitionStore().findType(type.id()))).as("read on another thread")
                    .contains(type);
        }

        @Test
        @DisplayName("shows another thread none of its writes before it commits, and all of them after")
        void isolated() {
            Ticket ticket = ticket();
            TicketType type = type();
            WorkflowDefinition workflow = DefinitionStoreContract.workflow(workflowId(), 1, "Suljettu");

            transactions().inTransaction(() -> {
                create(ticket);
                definitionStore().saveType(type);
                definitionStore().saveWorkflow(workflow);
                assertThat(ticketStore().find(ticket.id())).as("the unit sees its own writes").contains(ticket);
                assertThat(seenElsewhere(() -> stored(ticket))).as("another thread sees the uncommitted ticket")
                        .isFalse();
                assertThat(seenElsewhere(() -> stored(type))).as("another thread sees the uncommitted type")
                        .isFalse();
                assertThat(seenElsewhere(() -> definitionStore().findWorkflow(workflow.id(), 1).isPresent()))
                        .as("another thread sees the uncommitted workflow version").isFalse();
                return null;
            });

            assertThat(readElsewhere(() -> stored(ticket))).as("the ticket, once committed").isTrue();
            assertThat(readElsewhere(() -> stored(type))).as("the type, once committed").isTrue();
            assertThat(readElsewhere(() -> definitionStore().findWorkflow(workflow.id(), 1)))
                    .as("the workflow version, once committed").contains(workflow);
        }
    }

    @Nested
    @DisplayName("a unit of work whose work throws")
    class RollingBack {
        @Test
        @DisplayName("leaves nothing of what the work wrote to either store, and the exception arrives as the same instance")
        void rollsBackBoth() {
            Ticket ticket = ticket();
            TicketType type = type();
            WorkflowDefinition workflow = DefinitionStoreContract.workflow(workflowId(), 1, "Suljettu");
            IllegalStateException failure = new IllegalStateException("the host's step failed");

            Throwable thrown = catchThrowable(() -> transactions().inTransaction(() -> {
                create(ticket);
                definitionStore().saveType(type);
                definitionStore().saveWorkflow(workflow);
                assertThat(stored(ticket)).as("the unit sees its own writes").isTrue();
                throw failure;
            }));

            assertThat(thrown).isSameAs(failure);
            assertGone(ticket);
            assertThat(definitionStore().findType(type.id())).isEmpty();
            assertThat(definitionStore().findWorkflow(workflow.id(), 1)).isEmpty();
            assertThat(definitionStore().latestWorkflow(workflow.id())).isEmpty();
        }

        @Test
        @DisplayName("rolls back on an Error too, which also arrives as the same instance")
        void rollsBackOnError() {
            Ticket ticket = ticket();
            TicketType type = type();
            WorkError failure = new WorkError("the host's step failed badly");

            Throwable thrown = catchThrowable(() -> transactions().inTransaction(() -> {
                create(ticket);
                definitionStore().saveType(type);
                throw failure;
            }));

            assertThat(thrown).isSameAs(failure);
            assertGone(ticket);
            assertThat(definitionStore().findType(type.id())).isEmpty();
        }

        @Test
        @DisplayName("a store's own refusal inside it (a stale update) arrives as thrown and undoes the unit's other writes")
        void storeRefusalRollsBack() {
            Ticket earlier = ticket();
            create(earlier); // committed in a unit of its own
            Ticket other = ticket();
            TicketType type = type();
            Ticket v2 = earlier.withState("OPEN").nextVersion(T0.plusSeconds(60));
            TicketChange stale = TicketStoreContract.moveTo(v2, "WAITING"); // expects version 2; 1 is stored
            AtomicReference<ConcurrentUpdateException> refusal = new AtomicReference<>();

            Throwable thrown = catchThrowable(() -> transactions().inTransaction(() -> {
                create(other);
                definitionStore().saveType(type);
                try {
                    ticketStore().update(stale);
                } catch (ConcurrentUpdateException e) {
                    refusal.set(e);
                    throw e;
                }
                return null;
            }));

            assertThat(refusal.get()).as("the store refused the stale update").isNotNull();
            assertThat(thrown).isSameAs(refusal.get());
            assertGone(other);
            assertThat(definitionStore().findType(type.id())).isEmpty();
            assertThat(ticketStore().find(earlier.id())).as("the ticket committed before").contains(earlier);
        }

        @Test
        @DisplayName("forgets a workflow version it saved: the same version can be published afterwards, with other content")
        void forgetsRolledBackWorkflow() {
            String id = workflowId();
            WorkflowDefinition withdrawn = DefinitionStoreContract.workflow(id, 1, "Suljettu");
            WorkflowDefinition published = DefinitionStoreContract.workflow(id, 1, "Suljettu, kiitos yhteydenotosta");

            catchThrowable(() -> transactions().inTransaction(() -> {
                definitionStore().saveWorkflow(withdrawn);
                assertThat(definitionStore().findWorkflow(id, 1)).as("the unit sees its own write").contains(withdrawn);
                assertThat(definitionStore().latestWorkflow(id)).contains(withdrawn);
                throw new IllegalStateException("the publication was withdrawn");
            }));

            assertThat(definitionStore().findWorkflow(id, 1)).isEmpty();
            assertThat(definitionStore().latestWorkflow(id)).isEmpty();
            definitionStore().saveWorkflow(published);
            assertThat(definitionStore().findWorkflow(id, 1)).contains(published);
            assertThat(definitionStore().findWorkflow(id, 1)).as("read again").contains(published);
            assertThat(definitionStore().latestWorkflow(id)).contains(published);
        }
    }

    @Nested
    @DisplayName("a unit of work started inside another")
    class Nesting {
        @Test
        @DisplayName("joins the outer one: the outer work sees its writes, and they roll back with the outer unit")
        void rollsBackWithOuter() {
            Ticket ticket = ticket();
            TicketType type = type();

            Throwable thrown = catchThrowable(() -> transactions().inTransaction(() -> {
                transactions().inTransaction(() -> {
                    create(ticket);
                    return null;
                });
                assertThat(ticketStore().find(ticket.id())).as("the outer work sees the nested unit's write")
                        .contains(ticket);
                definitionStore().saveType(type);
                throw new IllegalArgumentException("a later step of the outer unit failed");
            }));

            assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
            assertGone(ticket);
            assertThat(definitionStore().findType(type.id())).isEmpty();
        }

        @Test
        @DisplayName("commits nothing when it returns: another thread sees its writes only once the outer unit commits")
        void commitsWithOuter() {
            Ticket ticket = ticket();
            TicketType type = type();

            transactions().inTransaction(() -> {
                transactions().inTransaction(() -> {
                    create(ticket);
                    definitionStore().saveType(type);
                    return null;
                });
                assertThat(seenElsewhere(() -> stored(ticket))).as("another thread sees the nested unit's ticket")
                        .isFalse();
                assertThat(seenElsewhere(() -> stored(type))).as("another thread sees the nested unit's type")
                        .isFalse();
                return null;
            });

            assertThat(readElsewhere(() -> stored(ticket))).as("the ticket, once the outer unit committed").isTrue();
            assertThat(readElsewhere(() -> stored(type))).as("the type, once the outer unit committed").isTrue();
        }

        @Test
        @DisplayName("passes its exception to the outer work as the same instance; passed on, it undoes the writes of both")
        void exceptionLeavesNestedUnchanged() {
            Ticket ticket = ticket();
            TicketType type = type();
            IllegalArgumentException failure = new IllegalArgumentException("a nested step failed");
            AtomicReference<Throwable> seenByOuter = new AtomicReference<>();

            Throwable thrown = catchThrowable(() -> transactions().inTransaction(() -> {
                definitionStore().saveType(type);
                try {
                    transactions().inTransaction(() -> {
                        create(ticket);
                        throw failure;
                    });
                } catch (IllegalArgumentException e) {
                    seenByOuter.set(e);
                    throw e;
                }
                return null;
            }));

            assertThat(seenByOuter.get()).isSameAs(failure);
            assertThat(thrown).isSameAs(failure);
            assertGone(ticket);
            assertThat(definitionStore().findType(type.id())).isEmpty();
        }
    }

    @Nested
    @DisplayName("work handed to afterCommit")
    class AfterCommit {
        private final List<String> ran = new CopyOnWriteArrayList<>();

        @Test
        @DisplayName("runs once, after the outermost unit commits: not when the nested unit it was handed in returns")
        void afterTheOutermostCommit() {
            Ticket ticket = ticket();
            TicketType type = type();
            AtomicBoolean committedWhenRun = new AtomicBoolean();

            transactions().inTransaction(() -> {
                create(ticket);
                transactions().inTransaction(() -> {
                    transactions().afterCommit(() -> {
                        ran.add("delivered");
                        committedWhenRun.set(seenElsewhere(() -> stored(ticket) && stored(type)));
                    });
                    return null;
                });
                assertThat(ran).as("after the nested unit returned").isEmpty();
                definitionStore().saveType(type);
                assertThat(ran).as("while the outer unit is still open").isEmpty();
                return null;
            });

            assertThat(ran).containsExactly("delivered");
            assertThat(committedWhenRun).as("another thread saw both writes while the work ran: the unit had committed")
                    .isTrue();
        }

        @Test
        @DisplayName("never runs when the unit rolls back, nor after the thread's next unit commits")
        void neverAfterARollback() {
            Ticket ticket = ticket();
            Ticket next = ticket();

            catchThrowable(() -> transactions().inTransaction(() -> {
                transactions().afterCommit(() -> ran.add("handed in the outer unit"));
                transactions().inTransaction(() -> {
                    transactions().afterCommit(() -> ran.add("handed in the nested unit"));
                    create(ticket);
                    return null;
                });
                throw new IllegalStateException("the host's step failed");
            }));
            assertThat(ran).as("after the rollback").isEmpty();

            transactions().inTransaction(() -> {
                create(next);
                return null;
            });
            assertThat(ran).as("after the thread's next unit committed").isEmpty();
            assertThat(stored(next)).isTrue();
        }

        @Test
        @DisplayName("runs at once when handed outside any unit of work")
        void atOnceOutsideAUnit() {
            transactions().afterCommit(() -> ran.add("at once"));

            assertThat(ran).containsExactly("at once");
        }

        @Test
        @DisplayName("that fails does not undo the unit it followed")
        void failingWorkKeepsTheCommit() {
            Ticket ticket = ticket();
            TicketType type = type();

            catchThrowable(() -> transactions().inTransaction(() -> {
                create(ticket);
                definitionStore().saveType(type);
                transactions().afterCommit(() -> {
                    ran.add("tried");
                    throw new IllegalStateException("the mail server did not answer");
                });
                return null;
            }));

            assertThat(ran).containsExactly("tried");
            assertThat(ticketStore().find(ticket.id())).contains(ticket);
            assertThat(definitionStore().findType(type.id())).contains(type);
        }
    }
}
