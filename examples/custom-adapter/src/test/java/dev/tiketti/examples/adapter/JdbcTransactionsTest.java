package dev.tiketti.examples.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.ticket.TicketType;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the contracts cannot know about this technology: that one unit of work of
 * {@link JdbcTransactions} spans both stores, commits together and rolls back together.
 */
class JdbcTransactionsTest {
    private JdbcConnectionPool database;
    private JdbcTransactions transactions;
    private JdbcTicketStore tickets;
    private JdbcDefinitionStore definitions;

    @BeforeEach
    void freshDatabase() {
        database = TestDatabase.fresh();
        transactions = new JdbcTransactions(database);
        tickets = new JdbcTicketStore(transactions);
        definitions = new JdbcDefinitionStore(transactions);
    }

    @AfterEach
    void dropDatabase() {
        TestDatabase.drop(database);
    }

    private static TicketType type(String id) {
        return new TicketType(id, TeamId.of("hr"), "HR", "Vuosiloma", "hr-general", List.of());
    }

    @Test
    void aUnitOfWorkCommitsWhatBothStoresWrote() {
        long number = transactions.inTransaction(() -> {
            definitions.saveType(type("annual-leave"));
            return tickets.nextNumber("HR");
        });
        assertThat(number).isEqualTo(1);
        assertThat(definitions.findType("annual-leave")).isPresent();
        assertThat(tickets.nextNumber("HR")).isEqualTo(2);
    }

    @Test
    void aFailingUnitOfWorkLeavesNothingOfEitherStoreAndRethrowsUnchanged() {
        IllegalStateException failure = new IllegalStateException("the host's step failed");
        IllegalStateException thrown = catchThrowableOfType(IllegalStateException.class,
                () -> transactions.inTransaction(() -> {
                    definitions.saveType(type("annual-leave"));
                    tickets.nextNumber("HR");
                    throw failure;
                }));
        assertThat(thrown).isSameAs(failure);
        assertThat(definitions.findType("annual-leave")).isEmpty();
        assertThat(tickets.nextNumber("HR")).as("the drawn number was given back").isEqualTo(1);
    }

    @Test
    void joinedWorkThatFailsSpoilsTheOuterUnitEvenWhenItsExceptionIsCaught() {
        TicketingException e = catchThrowableOfType(TicketingException.class, () -> transactions.inTransaction(() -> {
            definitions.saveType(type("annual-leave"));
            try {
                transactions.inTransaction(() -> {
                    definitions.saveType(type("salary-certificate"));
                    throw new IllegalStateException("inner step failed");
                });
            } catch (IllegalStateException caught) {
                // swallowed: the outer unit must still not commit half of its work
            }
            return null;
        }));
        assertThat(e.code()).isEqualTo(ErrorCode.TRANSACTION_ROLLED_BACK);
        assertThat(e.getMessage()).contains("rolled back", "Nothing was written");
        assertThat(definitions.types()).isEmpty();
    }

    @Test
    void aStoreCalledOutsideAnyUnitRunsInAShortUnitOfItsOwn() {
        definitions.saveType(type("annual-leave"));
        assertThat(transactions.inTransaction(() -> definitions.findType("annual-leave"))).isPresent();
    }

    @Test
    void afterCommitActionsWaitForTheOutermostCommitRunAtOnceOutsideAndNeverAfterARollback() {
        List<String> ran = new java.util.ArrayList<>();
        transactions.inTransaction(() -> {
            transactions.inTransaction(() -> {
                transactions.afterCommit(() -> ran.add("joined"));
                return null;
            });
            transactions.afterCommit(() -> ran.add("outer"));
            assertThat(ran).as("inside the unit").isEmpty();
            return null;
        });
        assertThat(ran).containsExactly("joined", "outer");

        ran.clear();
        catchThrowableOfType(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            transactions.afterCommit(() -> ran.add("rolled back"));
            throw new IllegalStateException("the host's step failed");
        }));
        assertThat(ran).isEmpty();

        transactions.afterCommit(() -> ran.add("no unit"));
        assertThat(ran).containsExactly("no unit");
    }

    @Test
    void anAfterCommitActionThatCallsAStoreRunsInAUnitOfItsOwn() {
        long[] drawn = new long[1];
        transactions.inTransaction(() -> {
            tickets.nextNumber("HR");
            transactions.afterCommit(() -> drawn[0] = tickets.nextNumber("HR"));
            return null;
        });
        assertThat(drawn[0]).isEqualTo(2);
        assertThat(tickets.nextNumber("HR")).as("the action's unit committed").isEqualTo(3);
    }
}
