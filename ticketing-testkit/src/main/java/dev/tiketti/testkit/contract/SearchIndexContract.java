package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.search.SearchDocument;
import dev.tiketti.core.search.SearchQuery;
import dev.tiketti.core.spi.SearchIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for {@link SearchIndex} adapters: extend it and implement
 * {@link #createIndex()}; the obligations written in the SPI's Javadoc are checked against your
 * index: create-or-replace by ticket id, finding by address, by (inflected) word and by
 * classification, order and limit, and forgetting — a removed or re-indexed document is no longer
 * found by its old words or address.
 *
 * <pre>{@code
 * class LuceneSearchIndexContractTest extends SearchIndexContract {
 *     protected SearchIndex createIndex() { return LuceneSearch.inDirectory(tempDir).index(); }
 * }
 * }</pre>
 *
 * <p>After every test each indexed id must have its document (see {@link #checkInvariantsThenDispose()}).
 * The contract cannot read an adapter's files: that {@link SearchIndex#purge()} leaves no deleted
 * document in storage is for the adapter's own test (e.g. Lucene's {@code numDeletedDocs() == 0}).
 *
 * @since 0.1
 */
@DisplayName("SearchIndex contract")
public abstract class SearchIndexContract {
    private static final Classification LEAVE = Classification.of("Palvelussuhde/Vuosiloma");
    private static final Classification CERTIFICATES = Classification.of("Palvelussuhde/Todistukset");
    private static final Classification PAY = Classification.of("Palkka");

    protected SearchIndex index;

    /** A new, empty index for each test. */
    protected abstract SearchIndex createIndex();

    /** Called after every test with the index {@link #createIndex()} returned; close resources here. */
    protected void disposeIndex(SearchIndex used) {
    }

    @BeforeEach
    void createIndexForTest() {
        index = createIndex();
    }

    /** After every test: each id the index lists has exactly its own document. */
    @AfterEach
    protected final void checkInvariantsThenDispose() {
        try {
            for (TicketId id : index.indexed()) {
                assertThat(index.document(id)).as("document of indexed %s", id)
                        .hasValueSatisfying(d -> assertThat(d.ticketId()).isEqualTo(id));
            }
        } finally {
            disposeIndex(index);
        }
    }

    // ------------------------------------------------------------------ fixtures

    /** A document for ticket {@code HR-n} with a fixed id per number. */
    protected static SearchDocument doc(int number, Optional<Classification> classification, List<String> emails,
                                        String... texts) {
        return new SearchDocument(id(number), new TicketKey("HR", number), classification, emails, List.of(texts));
    }

    protected static TicketId id(int number) {
        return new TicketId(new UUID(0x5ea4c4L, number));
    }

    private List<TicketId> find(SearchQuery query) {
        return index.search(query);
    }

    private List<TicketId> words(String text) {
        return find(SearchQuery.text(text));
    }

    private List<TicketId> email(String address) {
        return find(SearchQuery.builder().requesterEmail(address).build());
    }

    private void threeTickets() {
        index.index(doc(1, Optional.of(LEAVE), List.of("aino.virtanen@example.fi"),
                "Vuosiloman siirto", "Voinko siirtää lomani elokuulle?"));
        index.index(doc(2, Optional.of(CERTIFICATES), List.of("eero.laine@example.com"),
                "Työtodistus", "Tarvitsen työtodistuksen. Pidin vuosilomaa kesällä."));
        index.index(doc(3, Optional.of(PAY), List.of("aino.virtanen@example.fi", "aino@example.com"),
                "Palkka puuttuu", "Toukokuun palkka ei tullut tilille."));
    }

    // ------------------------------------------------------------------ groups

    @Nested
    @DisplayName("indexing")
    class Indexing {
        @Test
        @DisplayName("an indexed document is returned as it was given")
        void roundTrip() {
            SearchDocument d = doc(1, Optional.of(LEAVE), List.of("aino.virtanen@example.fi"), "Vuosiloma", "Hei!");
            index.index(d);

            assertThat(index.document(id(1))).contains(d);
            assertThat(index.indexed()).containsExactly(id(1));
            assertThat(index.document(id(2))).isEmpty();
        }

        @Test
        @DisplayName("indexing the same ticket again replaces its document; the same document twice changes nothing")
        void replaceAndIdempotent() {
            index.index(doc(1, Optional.empty(), List.of(), "Ensimmäinen"));
            SearchDocument second = doc(1, Optional.of(PAY), List.of("eero.laine@example.com"), "Toinen");
            index.index(second);
            index.index(second);

            assertThat(index.indexed()).containsExactly(id(1));
            assertThat(index.document(id(1))).contains(second);
            assertThat(words("toinen")).containsExactly(id(1));
        }

        @Test
        @DisplayName("indexing from several threads at once loses no document")
        void concurrent() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int n = 1; n <= 40; n++) {
                    int number = n;
                    done.add(pool.submit(() -> index.index(doc(number, Optional.empty(), List.of(), "Yhteinen sana"))));
                }
                for (Future<?> f : done) {
                    f.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(index.indexed()).hasSize(40);
            assertThat(find(SearchQuery.builder().text("yhteinen").limit(1000).build())).hasSize(40);
        }
    }

    @Nested
    @DisplayName("finding")
    class Finding {
        @Test
        @DisplayName("by the requester's e-mail address, whole and in any case, ordered by key")
        void byEmail() {
            threeTickets();

            assertThat(email("Aino.Virtanen@EXAMPLE.fi")).containsExactly(id(1), id(3));
            assertThat(email("aino@example.com")).containsExactly(id(3));
            assertThat(email("virtanen@example.fi")).isEmpty();
        }

        @Test
        @DisplayName("by words in any text, any case; a word finds the words it begins (vuosiloma finds vuosiloman)")
        void byWords() {
            threeTickets();

            assertThat(words("vuosiloma")).containsExactly(id(1), id(2));
            assertThat(words("VUOSILOMA")).containsExactly(id(1), id(2));
            assertThat(words("työtodistus")).containsExactly(id(2));
            assertThat(words("palkka tilille")).containsExactly(id(3));
            assertThat(words("palkka vuosiloma")).isEmpty();
            assertThat(words("irtisanominen")).isEmpty();
        }

        @Test
        @DisplayName("by classification prefix, alone or with other criteria")
        void byClassification() {
            threeTickets();
            SearchQuery.Builder employment = SearchQuery.builder().classifiedUnder(Classification.of("Palvelussuhde"));

            assertThat(find(employment.build())).containsExactly(id(1), id(2));
            assertThat(find(SearchQuery.builder().classifiedUnder(LEAVE).build())).containsExactly(id(1));
            assertThat(find(employment.text("työtodistus").build())).containsExactly(id(2));
            assertThat(find(SearchQuery.builder().classifiedUnder(PAY).requesterEmail("eero.laine@example.com")
                    .build())).isEmpty();
        }

        @Test
        @DisplayName("results are ordered by key prefix, then number (HR-2 before HR-10), and capped at the limit")
        void orderAndLimit() {
            for (int n : new int[] {10, 2, 33, 1}) {
                index.index(doc(n, Optional.empty(), List.of(), "Sama asia"));
            }

            assertThat(words("asia")).containsExactly(id(1), id(2), id(10), id(33));
            assertThat(find(SearchQuery.builder().text("asia").limit(2).build())).containsExactly(id(1), id(2));
        }
    }

    @Nested
    @DisplayName("forgetting (R8)")
    class Forgetting {
        @Test
        @DisplayName("a removed document is no longer found by its old words or e-mail; removing again returns false")
        void removed() {
            threeTickets();

            assertThat(index.remove(id(1))).isTrue();
            assertThat(index.remove(id(1))).isFalse();

            assertThat(index.document(id(1))).isEmpty();
            assertThat(index.indexed()).containsExactlyInAnyOrder(id(2), id(3));
            assertThat(words("elokuulle")).isEmpty();
            assertThat(email("aino.virtanen@example.fi")).containsExactly(id(3));
            index.purge();
            assertThat(words("elokuulle")).isEmpty();
        }

        @Test
        @DisplayName("a re-indexed (redacted) document is no longer found by its old words or e-mail")
        void reindexed() {
            threeTickets();

            index.index(doc(3, Optional.of(PAY), List.of(), "Palkka puuttuu", "Xxxxxx kysyi palkasta."));
            index.purge();

            assertThat(email("aino@example.com")).isEmpty();
            assertThat(email("aino.virtanen@example.fi")).containsExactly(id(1));
            assertThat(words("toukokuun")).isEmpty();
            assertThat(words("tilille")).isEmpty();
            assertThat(words("palkasta")).containsExactly(id(3));
            assertThat(index.document(id(3)).orElseThrow().texts()).noneMatch(t -> t.contains("Toukokuun"));
        }

        @Test
        @DisplayName("clear() forgets every document")
        void clear() {
            threeTickets();

            index.clear();
            index.purge();

            assertThat(index.indexed()).isEmpty();
            assertThat(words("palkka")).isEmpty();
            assertThat(email("aino.virtanen@example.fi")).isEmpty();
        }
    }
}
