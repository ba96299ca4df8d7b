package dev.tiketti.core.search;

import dev.tiketti.core.common.Require;
import java.util.ArrayList;
import java.util.List;

/**
 * The free text of a search, parsed. Syntax:
 * <ul>
 * <li>words separated by spaces must all match (default operator AND); {@code AND} may be written;</li>
 * <li>{@code OR} (upper case) between two parts matches either; AND binds tighter, so
 *     {@code a b OR c} means {@code (a AND b) OR c};</li>
 * <li>{@code "double quotes"} match the words next to each other, in order;</li>
 * <li>{@code ( … )} group.</li>
 * </ul>
 * A word is a run of letters and digits, compared lower-case ({@link SearchQuery#words(String)}); other
 * characters separate words, so {@code työ-todistus} means {@code työ AND todistus}. Lower-case
 * {@code and}/{@code or} are words. An open quote or parenthesis, a stray {@code )}, or an operator
 * with nothing on one side fails with {@code SEARCH_SYNTAX_INVALID} naming the character position
 * (0-based), never the text. How a word matches inflected forms is the index's business.
 *
 * @since 0.1
 */
public sealed interface TextQuery {

    /** One word (lower-case). */
    record Word(String word) implements TextQuery {
        public Word {
            Require.notBlank(word, "word");
        }
    }

    /** Words that must stand next to each other, in order (at least two). */
    record Phrase(List<String> words) implements TextQuery {
        public Phrase {
            words = Require.listOf(words, "phrase words");
        }
    }

    /** Every part must match. */
    record All(List<TextQuery> parts) implements TextQuery {
        public All {
            parts = Require.listOf(parts, "parts");
        }
    }

    /** At least one part must match. */
    record Any(List<TextQuery> parts) implements TextQuery {
        public Any {
            parts = Require.listOf(parts, "parts");
        }
    }

    /** Matches nothing and constrains nothing: the text held no word. */
    record Empty() implements TextQuery {
    }

    /** Parses user text; fails with {@code SEARCH_SYNTAX_INVALID} (TKT-0901) and the position. */
    static TextQuery parse(String text) {
        return new TextQueryParser(Require.nonNull(text, "text")).parse();
    }

    /** Every word this query names, in order (phrases' words included), without duplicates. */
    default List<String> allWords() {
        List<String> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(TextQuery q, List<String> out) {
        if (q instanceof Word w) {
            if (!out.contains(w.word())) {
                out.add(w.word());
            }
        } else if (q instanceof Phrase p) {
            p.words().stream().filter(w -> !out.contains(w)).forEach(out::add);
        } else if (q instanceof All a) {
            a.parts().forEach(p -> collect(p, out));
        } else if (q instanceof Any a) {
            a.parts().forEach(p -> collect(p, out));
        }
    }
}
