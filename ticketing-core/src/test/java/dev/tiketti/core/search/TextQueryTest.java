package dev.tiketti.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The free-text syntax of searches: AND by default, OR, phrases, groups, and its errors. */
class TextQueryTest {
    static TextQuery.Word w(String word) {
        return new TextQuery.Word(word);
    }

    @Test
    @DisplayName("words are ANDed, lower-cased; punctuation separates words")
    void and() {
        assertThat(TextQuery.parse("Palkka  tilille")).isEqualTo(new TextQuery.All(List.of(w("palkka"), w("tilille"))));
        assertThat(TextQuery.parse("palkka AND tilille")).isEqualTo(TextQuery.parse("palkka tilille"));
        assertThat(TextQuery.parse("työ-todistus")).isEqualTo(new TextQuery.All(List.of(w("työ"), w("todistus"))));
        assertThat(TextQuery.parse("loma")).isEqualTo(w("loma"));
        assertThat(TextQuery.parse(" ,. ")).isEqualTo(new TextQuery.Empty());
    }

    @Test
    @DisplayName("AND binds tighter than OR; parentheses group; lower-case or is a word")
    void precedence() {
        assertThat(TextQuery.parse("a b OR c")).isEqualTo(new TextQuery.Any(List.of(
                new TextQuery.All(List.of(w("a"), w("b"))), w("c"))));
        assertThat(TextQuery.parse("a (b OR c)")).isEqualTo(new TextQuery.All(List.of(w("a"),
                new TextQuery.Any(List.of(w("b"), w("c"))))));
        assertThat(TextQuery.parse("a or b")).isEqualTo(new TextQuery.All(List.of(w("a"), w("or"), w("b"))));
    }

    @Test
    @DisplayName("double quotes make a phrase; one quoted word is a word")
    void phrases() {
        assertThat(TextQuery.parse("\"Palkka ei tullut\" OR loma")).isEqualTo(new TextQuery.Any(List.of(
                new TextQuery.Phrase(List.of("palkka", "ei", "tullut")), w("loma"))));
        assertThat(TextQuery.parse("\"loma\"")).isEqualTo(w("loma"));
        assertThat(TextQuery.parse("\"loma loma\"").allWords()).containsExactly("loma");
    }

    @Test
    @DisplayName("malformed text fails with TKT-0901, the position and the fix, never the text")
    void errors() {
        record Case(String text, int position, String what) {
        }
        for (Case c : List.of(new Case("palkka \"ei", 7, "'\"' that is never closed"),
                new Case("(palkka", 0, "'(' that is never closed"), new Case("palkka)", 6, "')' without"),
                new Case("OR palkka", 0, "OR with nothing before"), new Case("palkka OR", 7, "OR with nothing after"),
                new Case("AND palkka", 0, "AND with nothing before"), new Case("palkka AND OR loma", 7, "AND with nothing after"))) {
            TicketingException e = catchThrowableOfType(TicketingException.class, () -> TextQuery.parse(c.text()));
            assertThat(e).as(c.text()).isNotNull();
            assertThat(e.code()).isEqualTo(ErrorCode.SEARCH_SYNTAX_INVALID);
            assertThat(e.getMessage()).contains("position " + c.position(), c.what(), "double quotes")
                    .doesNotContain("palkka");
        }
    }

    @Test
    @DisplayName("any text either parses or fails with TKT-0901; nothing else escapes")
    void hostile() {
        qt().withExamples(500).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 30)).check(text -> {
            try {
                TextQuery.parse(text).allWords();
                return true;
            } catch (TicketingException e) {
                return e.code() == ErrorCode.SEARCH_SYNTAX_INVALID;
            }
        });
    }
}
