package dev.tiketti.core.spi;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.privacy.AccessRecord;
import java.util.List;

/**
 * Append-only record of reads of contacts' personal data (R8 accountability): "who accessed
 * contact X" is {@link #forContact}. Records hold ids only, never the data read.
 *
 * <p>Obligations (checked by {@code AuditLogContract}): {@link #append} stores the record as given
 * and is never undone by core; there is no update or delete (erasure keeps the records: they carry
 * the contact id only); {@link #forContact} lists oldest first by {@code at}, then in append
 * order; lists are copies, never null; thread-safe.
 *
 * @since 0.1
 */
public interface AuditLog {

    void append(AccessRecord record);

    /** Every read of the contact's data, oldest first. */
    List<AccessRecord> forContact(ContactId contact);
}
