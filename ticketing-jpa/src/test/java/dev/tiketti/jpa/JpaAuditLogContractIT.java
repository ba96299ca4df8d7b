package dev.tiketti.jpa;

import dev.tiketti.core.spi.AuditLog;
import dev.tiketti.jpa.testing.Databases;
import dev.tiketti.jpa.testing.SharedStorage;
import dev.tiketti.testkit.contract.AuditLogContract;

/** The testkit's AuditLog contract on a real PostgreSQL. */
class JpaAuditLogContractIT extends AuditLogContract {
    @Override
    protected AuditLog createLog() {
        return SharedStorage.of(getClass(), Databases::postgres).emptied("tkt_access_record").auditLog();
    }
}
