package dev.tiketti.core.privacy;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.Require;
import java.time.Instant;
import java.util.List;

/**
 * One read of a contact's personal data through the API (R8 accountability): when, who, whose,
 * for which purpose and what was read (names of records or fields such as {@code contact},
 * {@code consents}, {@code access-export}; never the values).
 *
 * @since 0.1
 */
public record AccessRecord(Instant at, Actor actor, ContactId contact, PurposeId purpose, List<String> read) {
    public AccessRecord {
        Require.nonNull(at, "at");
        Require.nonNull(actor, "actor");
        Require.nonNull(contact, "contact id");
        Require.nonNull(purpose, "purpose");
        read = Require.listOf(read, "read");
        read.forEach(r -> Require.name(r, "what was read"));
    }
}
