package dev.tiketti.examples.adapter;

import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.testkit.contract.DefinitionStoreContract;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The proof for definitions: every test of the testkit's {@link DefinitionStoreContract} against
 * {@link JdbcDefinitionStore} on a fresh H2 database.
 */
class JdbcDefinitionStoreContractTest extends DefinitionStoreContract {
    private JdbcConnectionPool database;

    @Override
    protected DefinitionStore createStore() {
        database = TestDatabase.fresh();
        return new JdbcDefinitionStore(new JdbcTransactions(database));
    }

    @Override
    protected void disposeStore(DefinitionStore used) {
        TestDatabase.drop(database);
    }
}
