package dev.tiketti.examples.adapter;

import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.testkit.contract.TicketStoreContract;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The proof: every test of the testkit's {@link TicketStoreContract}, concurrency included, run
 * against {@link JdbcTicketStore} on a fresh H2 database. The contract runs its overlapping units
 * of work (the first numbers of a new prefix) in the store's own {@link JdbcTransactions}.
 */
class JdbcTicketStoreContractTest extends TicketStoreContract {
    private JdbcConnectionPool database;
    private JdbcTransactions transactions;

    @Override
    protected TicketStore createStore() {
        database = TestDatabase.fresh();
        transactions = new JdbcTransactions(database);
        return new JdbcTicketStore(transactions);
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    /**
     * H2 waits for another transaction's uncommitted row with the same unique key (the counter row
     * of a new prefix) by retrying the statement: the thread stays runnable and H2 reports no
     * BLOCKER_ID, so the contract's look at the thread cannot tell. Ask H2 instead whether another
     * session is executing a statement: the held unit of work executes none while it waits.
     */
    @Override
    protected boolean waitsForAnotherUnit(Thread unit) {
        if (super.waitsForAnotherUnit(unit)) {
            return true;
        }
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
                     + " WHERE SESSION_ID <> SESSION_ID() AND EXECUTING_STATEMENT IS NOT NULL")) {
            rs.next();
            return rs.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read H2's sessions", e);
        }
    }

    @Override
    protected void disposeStore(TicketStore used) {
        TestDatabase.drop(database);
    }
}
