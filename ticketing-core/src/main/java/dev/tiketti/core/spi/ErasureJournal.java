package dev.tiketti.core.spi;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.privacy.ErasureId;
import dev.tiketti.core.privacy.ErasureReport;
import java.util.List;
import java.util.Optional;

/**
 * Remembers erasure runs and their progress: a run records itself as {@code PARTIAL} before it
 * changes anything and as {@code COMPLETED} at the end, so an interrupted run is visible and can be
 * resumed, and every erasure can be replayed after a backup is restored (R8).
 *
 * <p>Obligations (checked by {@code ErasureJournalContract}): {@link #save} creates or replaces by
 * the report's id; {@link #all} lists oldest first by {@code startedAt}; the journal must survive
 * restores of the other stores (keep it apart from them, or replay will not know what to erase);
 * holds ids only (an {@code ErasureReport} never carries personal data); thread-safe.
 *
 * @since 0.1
 */
public interface ErasureJournal {

    void save(ErasureReport report);

    Optional<ErasureReport> find(ErasureId id);

    /** The runs for a contact, oldest first. */
    List<ErasureReport> forContact(ContactId contact);

    /** Every run, oldest first. */
    List<ErasureReport> all();
}
