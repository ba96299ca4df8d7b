package dev.tiketti.jpa;

import dev.tiketti.core.spi.AuditLog;
import dev.tiketti.jpa.testing.Databases;
import dev.tiketti.jpa.testing.SharedStorage;
import dev.tiketti.testkit.contract.AuditLogContract;

/** The testkit's AuditLog contract on H2. */
class JpaAuditLogContractTest extends AuditLogContract {
    @Override
    protected AuditLog createLog() {
        return SharedStorage.of(getClass(), Databases::h2).emptied("tkt_access_record").auditLog();
    }
}
