package dev.tiketti.core.privacy;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.Require;
import java.util.Optional;

/**
 * A request to erase one contact (right to be forgotten, R8): who asked, where the request came from
 * and, optionally, the substitute who takes over the person's open tickets (else the person's own
 * substitute or their organisation's default).
 *
 * @since 0.1
 */
public record ErasureRequest(ErasureId id, ContactId contact, Actor requestedBy, ErasureSource source,
                             Optional<ContactId> substitute) {
    public ErasureRequest {
        Require.nonNull(id, "erasure id");
        Require.nonNull(contact, "contact id");
        Require.nonNull(requestedBy, "requested by");
        Require.nonNull(source, "source");
        Require.nonNull(substitute, "substitute");
    }

    /** A new request with a fresh id and no substitute named. */
    public static ErasureRequest of(ContactId contact, Actor requestedBy, ErasureSource source) {
        return new ErasureRequest(ErasureId.random(), contact, requestedBy, source, Optional.empty());
    }

    public ErasureRequest withSubstitute(ContactId substituteContact) {
        return new ErasureRequest(id, contact, requestedBy, source, Optional.of(Require.nonNull(substituteContact,
                "substitute")));
    }
}
