package dev.tiketti.jpa;

import dev.tiketti.core.spi.Storage;
import dev.tiketti.jpa.internal.JpaOutboxStore;
import dev.tiketti.jpa.internal.JpaTimerStore;
import dev.tiketti.jpa.testing.SharedStorage;
import dev.tiketti.testkit.contract.StorageContract;
import dev.tiketti.testkit.contract.StorageContract.Capability;
import dev.tiketti.testkit.contract.StorageContract.ProvidesNo;
import java.time.Clock;
import java.time.Duration;

/**
 * The testkit's storage contract on {@link JpaStorage}: every store it provides and its units of
 * work. It keeps no erasure journal (the journal must outlive a restore of this database), so that
 * group is not generated. One database and EntityManagerFactory serve the whole class; each test
 * empties the tables and gets a new {@code JpaStorage.of(factory)}, so that no per-node cache or
 * clock shift outlives a test. Leases run on the database clock, which the test moves by shifting
 * the stores' view of it instead of waiting. Subclasses choose H2 or PostgreSQL.
 */
@ProvidesNo(Capability.ERASURE_JOURNAL)
abstract class JpaStorageContractTests extends StorageContract {
    /** Every table with rows of a store, children first. */
    private static final String[] TABLES = {"tkt_history_change", "tkt_history_entry", "tkt_timeline_entry",
        "tkt_ticket", "tkt_key_sequence", "tkt_workflow", "tkt_ticket_type", "tkt_attachment", "tkt_contact_email",
        "tkt_contact", "tkt_membership", "tkt_organization", "tkt_consent", "tkt_consent_purpose",
        "tkt_consent_request", "tkt_access_record", "tkt_timer", "tkt_outbox_delivery", "tkt_outbox", "tkt_idempotency_key",
        "tkt_mail_mailbox", "tkt_mail_quarantine", "tkt_mail_address_failure", "tkt_mail_automatic"};

    private JpaStorage storage;

    /** The database and factory of this test class. */
    abstract SharedStorage shared();

    @Override
    protected Storage createStorage(Clock clock) {
        storage = shared().emptied(TABLES);
        return storage;
    }

    @Override
    protected void advanceStorageClock(Duration by) {
        ((JpaTimerStore) storage.timerStore()).shiftClock(by);
        ((JpaOutboxStore) storage.outboxStore()).shiftClock(by);
    }
}
