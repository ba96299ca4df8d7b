package dev.tiketti.core.privacy;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.ContactId;
import java.util.List;
import java.util.Optional;

/**
 * Accountable reads of personal data, from {@code privacy().access()}: each read names an actor and
 * a registered purpose and is recorded in the audit log; {@link #accessesTo} answers "who accessed
 * contact X", and {@link #export} is the right of access.
 *
 * @since 0.1
 */
public interface Access {

    /** Reads a contact's register record for a purpose; the read is recorded in the audit log. */
    Contact readContact(ContactId contact, Actor actor, PurposeId purpose);

    /** The contact, if registered; a read that finds the contact is recorded in the audit log. */
    Optional<Contact> findContact(ContactId contact, Actor actor, PurposeId purpose);

    /**
     * The contact with this e-mail address (any case), e.g. to match the sender of an incoming mail
     * ({@code Actor.system()}); a read that finds the contact is recorded in the audit log.
     */
    Optional<Contact> findContactByEmail(String email, Actor actor, PurposeId purpose);

    /** The contact's consent records, oldest first; the read is recorded in the audit log. */
    List<Consent> consents(ContactId contact, Actor actor, PurposeId purpose);

    /** A consent request by id; one that names a contact is recorded in the audit log. */
    Optional<ConsentRequest> consentRequest(ConsentRequestId id, Actor actor, PurposeId purpose);

    /** The consent requests sent to a contact, oldest first; the read is recorded in the audit log. */
    List<ConsentRequest> consentRequests(ContactId contact, Actor actor, PurposeId purpose);

    /** Who read the contact's data, when and why, oldest first: "who accessed contact X". */
    List<AccessRecord> accessesTo(ContactId contact);

    /**
     * Everything held about the contact (right of access); recorded in the audit log as
     * {@code access-export} before it is assembled, so the export lists itself.
     */
    AccessExport export(ContactId contact, Actor actor, PurposeId purpose);
}
