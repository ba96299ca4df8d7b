package dev.tiketti.core.inmemory;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.privacy.AccessRecord;
import dev.tiketti.core.spi.AuditLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reference {@link AuditLog} in memory. Thread-safe by a single lock.
 *
 * @since 0.1
 */
public final class InMemoryAuditLog implements AuditLog {
    private final List<AccessRecord> records = new ArrayList<>();

    @Override
    public synchronized void append(AccessRecord record) {
        records.add(Require.nonNull(record, "access record"));
    }

    @Override
    public synchronized List<AccessRecord> forContact(ContactId contact) {
        Require.nonNull(contact, "contact id");
        return records.stream().filter(r -> r.contact().equals(contact))
                .sorted(Comparator.comparing(AccessRecord::at)).toList(); // stable: append order among equals
    }
}
