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
 * What the Transactions contract (run by {@link JdbcStorageContractTest}) leaves to this adapter:
 * a key number drawn in a unit that rolls back is given back, joined work that fails spoils the
 * outer unit even when its exception is caught, and a store or an after-commit action outside a
 * unit runs in a short unit of its own.
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
    void aKeyNumberDrawnInAUnitIsKeptWhenItCommitsAndGivenBackWhenItRollsBack() {
        assertThat(transactions.inTransaction(() -> tickets.nextNumber("HR"))).isEqualTo(1);
        IllegalStateException failure = new IllegalStateException("the host's step failed");
        IllegalStateException thrown = catchThrowableOfType(IllegalStateException.class,
                () -> transactions.inTransaction(() -> {
                    assertThat(tickets.nextNumber("HR")).isEqualTo(2);
                    throw failure;
                }));
        assertThat(thrown).isSameAs(failure);
        assertThat(tickets.nextNumber("HR")).as("the drawn number was given back").isEqualTo(2);
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
