package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.privacy.DataCategory;
import dev.tiketti.core.privacy.ErasureId;
import dev.tiketti.core.privacy.ErasureItem;
import dev.tiketti.core.privacy.ErasureOutcome;
import dev.tiketti.core.privacy.ErasureReport;
import dev.tiketti.core.privacy.ErasureRequest;
import dev.tiketti.core.privacy.ErasureSource;
import dev.tiketti.core.privacy.LegalBasis;
import dev.tiketti.core.privacy.Retention;
import dev.tiketti.core.spi.ErasureJournal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The obligations of an {@link ErasureJournal}. An adapter proves itself by one subclass that
 * returns a new, empty journal from {@link #createJournal()}.
 *
 * <p>To prove a whole storage adapter, extend {@link StorageContract} instead: it runs this
 * contract as one of its groups, on the store your {@code Storage} provides. Extend this class
 * alone for a store proven on its own.
 *
 * @since 0.1
 */
@DisplayName("ErasureJournal contract")
public abstract class ErasureJournalContract {
    private static final Instant T0 = Instant.parse("2024-05-02T09:00:00Z");
    private static final ContactId AINO = ContactId.of("7e570000-0000-4000-8000-000000000001");
    private static final ContactId MATTI = ContactId.of("7e570000-0000-4000-8000-000000000003");
    private ErasureJournal journal;

    /** A new, empty journal for each test. */
    protected abstract ErasureJournal createJournal();

    @BeforeEach
    void createFreshJournal() {
        journal = createJournal();
    }

    private static ErasureReport partial(ContactId contact, int minutes) {
        ErasureRequest request = new ErasureRequest(ErasureId.random(), contact, Actor.agent("dpo"),
                new ErasureSource.Form("form-" + minutes), Optional.empty());
        return new ErasureReport(request, ErasureReport.Status.PARTIAL, T0.plusSeconds(60L * minutes),
                Optional.empty(), List.of(new ErasureItem(ErasureItem.Store.TICKETS, "HR-" + minutes,
                DataCategory.TICKET_TEXT, new ErasureOutcome.Anonymised())));
    }

    private static ErasureReport completed(ErasureReport partial) {
        List<ErasureItem> items = new java.util.ArrayList<>(partial.items());
        items.add(new ErasureItem(ErasureItem.Store.TICKETS, "PAY-1", DataCategory.TICKET_TEXT,
                new ErasureOutcome.Retained(new Retention(LegalBasis.LEGAL_OBLIGATION, "payroll records",
                        Optional.of(LocalDate.of(2030, 12, 31))))));
        return new ErasureReport(partial.request(), ErasureReport.Status.COMPLETED, partial.startedAt(),
                Optional.of(partial.startedAt().plusSeconds(5)), items);
    }

    @Test
    @DisplayName("a saved report is found by id with every field; saving it again replaces it (partial, then completed)")
    void roundTripAndReplace() {
        ErasureReport first = partial(AINO, 1);
        journal.save(first);
        assertThat(journal.find(first.id())).contains(first);

        ErasureReport done = completed(first);
        journal.save(done);

        assertThat(journal.find(first.id())).contains(done);
        assertThat(journal.all()).containsExactly(done);
        assertThat(journal.find(ErasureId.random())).isEmpty();
    }

    @Test
    @DisplayName("all() and forContact() list oldest first by start")
    void oldestFirst() {
        ErasureReport late = partial(AINO, 9);
        ErasureReport early = partial(AINO, 2);
        ErasureReport other = partial(MATTI, 5);
        journal.save(late);
        journal.save(other);
        journal.save(early);

        assertThat(journal.all()).containsExactly(early, other, late);
        assertThat(journal.forContact(AINO)).containsExactly(early, late);
        assertThat(journal.forContact(ContactId.of("7e570000-0000-4000-8000-000000000009"))).isEmpty();
    }
}
