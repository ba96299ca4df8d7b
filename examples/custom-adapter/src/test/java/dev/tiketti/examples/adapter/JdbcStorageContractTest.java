package dev.tiketti.examples.adapter;

import dev.tiketti.core.spi.Storage;
import dev.tiketti.testkit.contract.StorageContract.Capability;
import dev.tiketti.testkit.contract.StorageContract.ProvidesNo;
import dev.tiketti.testkit.contract.StorageContract;
import java.time.Clock;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The proof, in one class: the testkit's {@link StorageContract} runs the TicketStore,
 * DefinitionStore and Transactions contracts (concurrency included) against {@link JdbcStorage} on
 * a fresh H2 database for every test. The example writes no other store and declares so, and the
 * groups of the stores it lacks are not generated. docs/storage.md shows this class
 * (StorageGuideSnippetTest keeps it equal).
 */
// tag::proof[]
@ProvidesNo({Capability.CONTACTS, Capability.ATTACHMENTS, Capability.ORGANIZATIONS, Capability.CONSENTS,
        Capability.CONSENT_REQUESTS, Capability.AUDIT_LOG, Capability.TIMERS, Capability.OUTBOX,
        Capability.ERASURE_JOURNAL, Capability.IDEMPOTENCY, Capability.MAIL})
class JdbcStorageContractTest extends StorageContract {
    private JdbcConnectionPool database;

    @Override
    protected Storage createStorage(Clock clock) {
        database = TestDatabase.fresh();    // a new in-memory H2 database with the tables, every test
        return new JdbcStorage(database);
    }

    @Override
    protected void disposeStorage(Storage used) {
        TestDatabase.drop(database);
    }

    @Override
    protected boolean waitsForAnotherUnit(Thread unit) {
        // H2 waits on another unit's uncommitted unique key by retrying, its thread runnable: ask H2
        return super.waitsForAnotherUnit(unit) || TestDatabase.anotherSessionIsExecuting(database);
    }
}
// end::proof[]
