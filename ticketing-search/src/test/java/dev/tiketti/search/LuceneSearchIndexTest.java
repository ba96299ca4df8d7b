package dev.tiketti.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.search.SearchDocument;
import dev.tiketti.core.search.SearchHealth;
import dev.tiketti.core.search.SearchQuery;
import dev.tiketti.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Lucene index adds beyond the contract: options, durability, health and its failure modes. */
class LuceneSearchIndexTest {
    @TempDir
    Path dir;

    static SearchDocument doc(int n, String subject) {
        return LuceneForgettingIT.document(n, List.of("eero.laine@example.com"), subject, "Viesti " + n);
    }

    static void assertCode(Runnable call, ErrorCode code, String... inMessage) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(TicketingException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(inMessage);
        });
    }

    @Nested
    @DisplayName("durability and health")
    class Durability {
        @Test
        @DisplayName("documents survive close and reopen; health counts them and stamps the last commit with the clock")
        void reopen() {
            MutableClock clock = MutableClock.at("2024-12-05T15:55:00+02:00[Europe/Helsinki]");
            try (LuceneSearchIndex index = LuceneSearch.builder().onDisk(dir).clock(clock)
                    .commitInterval(Duration.ZERO).build()) {
                assertThat(index.health().lastCommit()).isEmpty();
                index.index(doc(1, "Vuosiloma"));
                index.index(doc(2, "Palkka"));
                assertThat(index.health()).isEqualTo(new SearchHealth(2, java.util.Optional.empty(),
                        java.util.Optional.empty(), 2));
                clock.advance(Duration.ofMinutes(5));
            }
            try (LuceneSearchIndex reopened = LuceneSearch.builder().onDisk(dir).clock(clock)
                    .commitInterval(Duration.ZERO).build()) {
                SearchHealth h = reopened.health();
                assertThat(h.documents()).isEqualTo(2);
                assertThat(h.pendingChanges()).isZero();
                assertThat(h.lastCommit()).contains(Instant.parse("2024-12-05T14:00:00Z"));
                assertThat(reopened.document(doc(1, "Vuosiloma").ticketId())).contains(doc(1, "Vuosiloma"));
                assertThat(reopened.search(SearchQuery.text("palkka")).hits()).hasSize(1);
            }
        }

        @Test
        @DisplayName("commits after commitAfter changes without being asked")
        void commitAfterCount() {
            try (LuceneSearchIndex index = LuceneSearch.builder().onDisk(dir).commitInterval(Duration.ZERO)
                    .commitAfter(3).build()) {
                index.index(doc(1, "a"));
                index.index(doc(2, "b"));
                assertThat(index.health().pendingChanges()).isEqualTo(2);
                index.index(doc(3, "c"));
                assertThat(index.health().pendingChanges()).isZero();
                assertThat(index.health().lastCommit()).isPresent();
            }
        }

        @Test
        @DisplayName("a background commit makes pending changes durable within the interval")
        void backgroundCommit() {
            try (LuceneSearchIndex index = LuceneSearch.builder().onDisk(dir).commitInterval(Duration.ofMillis(20))
                    .build()) {
                index.index(doc(1, "Vuosiloma"));
                await().atMost(Duration.ofSeconds(10)).until(() -> index.health().pendingChanges() == 0);
                assertThat(index.health().lastCommit()).isPresent();
            }
        }

        @Test
        @DisplayName("an in-memory index behaves alike")
        void inMemory() {
            try (LuceneSearchIndex index = LuceneSearch.inMemory()) {
                index.index(doc(1, "Vuosiloma"));
                assertThat(index.search(SearchQuery.text("vuosiloma")).total()).isEqualTo(1);
                index.purge();
                assertThat(index.health().pendingChanges()).isZero();
            }
        }
    }

    @Nested
    @DisplayName("failure modes")
    class Failures {
        @Test
        @DisplayName("a second index on the same directory fails with SEARCH_INDEX_LOCKED naming the directory")
        void locked() {
            try (LuceneSearchIndex first = LuceneSearch.onDisk(dir)) {
                assertCode(() -> LuceneSearch.onDisk(dir), ErrorCode.SEARCH_INDEX_LOCKED, dir.toString(), "once");
                first.index(doc(1, "still usable"));
                assertThat(first.indexed()).hasSize(1);
            }
        }

        @Test
        @DisplayName("using a closed index fails with SEARCH_INDEX_CLOSED; closing twice is harmless")
        void closed() {
            LuceneSearchIndex index = LuceneSearch.onDisk(dir);
            index.close();
            index.close();

            assertCode(() -> index.index(doc(1, "x")), ErrorCode.SEARCH_INDEX_CLOSED, "is closed");
            assertCode(() -> index.search(SearchQuery.text("x")), ErrorCode.SEARCH_INDEX_CLOSED, dir.toString());
            assertCode(index::purge, ErrorCode.SEARCH_INDEX_CLOSED, dir.toString());
        }

        @Test
        @DisplayName("builder options are checked when set, and a place for the index is required")
        void options() {
            assertCode(() -> LuceneSearch.builder().commitAfter(0), ErrorCode.INVALID_OPTION_VALUE, "at least 1", "0");
            assertCode(() -> LuceneSearch.builder().commitInterval(Duration.ofSeconds(-1)),
                    ErrorCode.INVALID_OPTION_VALUE, "negative", "PT-1S");
            assertCode(() -> LuceneSearch.builder().build(), ErrorCode.ARGUMENT_MISSING, "onDisk(path)", "inMemory()");
            assertCode(() -> LuceneSearch.builder().inMemory().onDisk(dir), ErrorCode.INVALID_OPTION_VALUE,
                    "memory", dir.toString());
        }

        @Test
        @DisplayName("hostile free text is either a query or TKT-0901, never a Lucene parse error")
        void hostileText() {
            try (LuceneSearchIndex index = LuceneSearch.inMemory()) {
                index.index(doc(1, "Vuosiloma"));
                for (String text : List.of("*", "vuosi*", "title:x", "a~2", "\\\\", "[a TO b]", "+-!", "ä/ö", "x^3",
                        "\u0000", "((((a))))", "\"\"", "NOT loma")) {
                    try {
                        index.search(SearchQuery.text(text));
                    } catch (TicketingException e) {
                        assertThat(e.code()).as(text).isIn(ErrorCode.SEARCH_SYNTAX_INVALID, ErrorCode.ARGUMENT_MISSING);
                    }
                }
                assertCode(() -> index.search(SearchQuery.text("loma \"auki")), ErrorCode.SEARCH_SYNTAX_INVALID,
                        "position 5");
            }
        }
    }
}
