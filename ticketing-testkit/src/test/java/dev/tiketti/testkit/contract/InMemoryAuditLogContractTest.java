package dev.tiketti.testkit.contract;

import dev.tiketti.core.inmemory.InMemoryAuditLog;
import dev.tiketti.core.spi.AuditLog;

/** Core's in-memory AuditLog passes the same contract as every adapter. */
class InMemoryAuditLogContractTest extends AuditLogContract {
    @Override
    protected AuditLog createLog() {
        return new InMemoryAuditLog();
    }
}
