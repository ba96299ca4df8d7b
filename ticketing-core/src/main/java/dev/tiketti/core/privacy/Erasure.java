package dev.tiketti.core.privacy;

import java.util.List;
import java.util.Optional;

/**
 * The right to be forgotten, from {@code privacy().erasure()}: erase a contact, read the journal of
 * erasures, and replay it after a backup of the stores was restored.
 *
 * @since 0.1
 */
public interface Erasure {

    /** Erases (or resumes erasing) a contact with the configured policy. */
    ErasureReport erase(ErasureRequest request);

    /**
     * Erases a contact: hands their open tickets to a substitute, redacts them from every ticket,
     * deletes or anonymises per category, keeps what a legal basis keeps, deactivates them. Running
     * a completed request again returns its report; running a partial one resumes it. Bad input
     * fails before anything changes. Publishes {@code PrivacyEvent.ContactErased}.
     */
    ErasureReport erase(ErasureRequest request, ErasurePolicy policy);

    /** The journal record of an erasure. */
    Optional<ErasureReport> find(ErasureId id);

    /** Every erasure in the journal, oldest first (partial ones included). */
    List<ErasureReport> all();

    /**
     * Runs every journaled erasure again (once per contact, the latest request) with the configured
     * policy: after a backup of the stores was restored, this erases again whom the backup brought
     * back. If some contact cannot be erased again, the others still are and then
     * {@code ERASURE_INCOMPLETE} lists the failures.
     */
    List<ErasureReport> replay();
}
