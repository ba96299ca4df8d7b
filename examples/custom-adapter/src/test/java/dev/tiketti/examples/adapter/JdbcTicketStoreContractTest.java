package dev.tiketti.examples.adapter;

import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.testkit.contract.TicketStoreContract;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The proof: every test of the testkit's {@link TicketStoreContract}, concurrency included, run
 * against {@link JdbcTicketStore} on a fresh H2 database.
 */
class JdbcTicketStoreContractTest extends TicketStoreContract {
    private JdbcConnectionPool database;

    @Override
    protected TicketStore createStore() {
        database = TestDatabase.fresh();
        return new JdbcTicketStore(new JdbcTransactions(database));
    }

    @Override
    protected void disposeStore(TicketStore used) {
        TestDatabase.drop(database);
    }
}
