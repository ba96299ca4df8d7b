package dev.tiketti.search.internal.analysis;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.privacy.Language;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.Query;

/**
 * The text analysis of the search index: which fields a text becomes, with which analyzer, and
 * how a handler's free text becomes a query over them. Settings: {@link AnalysisSettings#DEFAULT}
 * (measured, see docs/search-analysis.md).
 *
 * <p>Fields of a prefix {@code p}: {@code p.exact} (lower-cased words), {@code p.fi} /
 * {@code p.sv} / {@code p.en} (stems, only for the text's languages), {@code p.fold} (stems
 * without ä/ö/å), {@code p.grade} (Finnish consonant-gradation key), {@code p.sub} (compound
 * parts) and {@code p.hl} (stored, offsets, every variant stacked: the one to highlight). A
 * highlighter must accept query terms of every {@code p.*} field on {@code p.hl}, e.g.
 * {@code UnifiedHighlighter.builder(searcher, analyzer()).withFieldMatcher(f -> f.startsWith(p + "."))}.
 *
 * @since 0.1
 */
public final class TextAnalysis {
    private static final Analysis DEFAULT = new Analysis(AnalysisSettings.DEFAULT);

    private TextAnalysis() {
    }

    /** The per-field analyzer for every text field this class adds (give it to the IndexWriterConfig, wrapped by the caller if needed). */
    public static Analyzer analyzer() {
        return DEFAULT.analyzer();
    }

    /**
     * Adds the analysed fields of one text to the document, under a field-name prefix such as
     * "pub" (public texts) or "int" (internal notes); language when known, otherwise detected
     * (a text that could be several languages is indexed in each of them).
     */
    public static void addText(Document doc, String prefix, String text, Optional<Language> language) {
        Require.nonNull(doc, "doc");
        Require.nonNull(prefix, "prefix");
        Require.nonNull(text, "text");
        Require.nonNull(language, "language");
        DEFAULT.addText(doc, prefix, text, language);
    }

    /**
     * Free text as a Lucene query over the given prefixes: words AND-ed, {@code OR}, quoted
     * phrases, {@code -word} / {@code NOT word}, {@code word*}, parentheses; each word also
     * matches its stems in fi/sv/en, without ä/ö, across consonant gradation, as a compound part,
     * as a prefix (five letters or more) and with typos (1 edit from 5 letters, 2 from 8; one typo at
     * the start of a longer word from 8), boosted
     * in that order. Never fails on syntax: unbalanced quotes and parentheses close at the end,
     * dangling operators are ignored; a text with no searchable word matches nothing.
     */
    public static Query parse(String userText, Set<String> prefixes) {
        Require.nonNull(userText, "userText");
        Require.nonNull(prefixes, "prefixes");
        return DEFAULT.parse(userText, prefixes);
    }

    /** The field (stored, with offsets) to highlight for a prefix. */
    public static String highlightField(String prefix) {
        Require.nonNull(prefix, "prefix");
        return DEFAULT.highlightField(prefix);
    }
}
