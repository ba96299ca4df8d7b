package dev.tiketti.search.internal.analysis;

import dev.tiketti.core.privacy.Language;
import dev.tiketti.core.search.TextQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * <b>Stand-in</b> for the text analysis of the analysis helper (Finnish/Swedish/English stemming,
 * compounds, fuzzy matching), with exactly the agreed signatures so that theirs replaces this file
 * at merge without other changes. This one is deliberately minimal: {@link StandardAnalyzer}
 * without stop words, one stored field per prefix (offsets in the postings for the highlighter), a query word matches the indexed words it
 * begins (plus an exact-term clause so that term frequency ranks), phrases match exact words.
 * Not API.
 */
public final class TextAnalysis {
    private static final Analyzer ANALYZER = new StandardAnalyzer(CharArraySet.EMPTY_SET);
    /** Stored, with offsets in the postings, so that the highlighter need not re-analyse the text. */
    private static final FieldType TEXT = textType();

    private TextAnalysis() {
    }

    private static FieldType textType() {
        FieldType t = new FieldType(TextField.TYPE_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    /** The analyzer for the text fields {@link #addText} adds (the IndexWriter's and the highlighter's). */
    public static Analyzer analyzer() {
        return ANALYZER;
    }

    /** Adds the analysed field(s) of one text under {@code prefix} (e.g. {@code pub}, {@code int}). */
    public static void addText(Document doc, String prefix, String text, Optional<Language> language) {
        doc.add(new Field(highlightField(prefix), text, TEXT));
    }

    /**
     * Free text (see {@link TextQuery} for the syntax) as a Lucene query over the text fields of
     * {@code prefixes}; fails with {@code SEARCH_SYNTAX_INVALID} (TKT-0901) on malformed syntax.
     */
    public static Query parse(String userText, Set<String> prefixes) {
        TextQuery parsed = TextQuery.parse(userText);
        return toLucene(parsed, new TreeSet<>(prefixes));
    }

    /** The stored field, with the analyzer's offsets, that the highlighter quotes for {@code prefix}. */
    public static String highlightField(String prefix) {
        return prefix + "_text";
    }

    private static Query toLucene(TextQuery q, Set<String> prefixes) {
        if (q instanceof TextQuery.Word w) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (String p : prefixes) {
                Term t = new Term(highlightField(p), w.word());
                b.add(new TermQuery(t), BooleanClause.Occur.SHOULD);
                b.add(new PrefixQuery(t), BooleanClause.Occur.SHOULD);
            }
            return b.build();
        }
        if (q instanceof TextQuery.Phrase ph) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (String p : prefixes) {
                b.add(new PhraseQuery(highlightField(p), ph.words().toArray(String[]::new)), BooleanClause.Occur.SHOULD);
            }
            return b.build();
        }
        if (q instanceof TextQuery.All a) {
            return combine(a.parts(), prefixes, BooleanClause.Occur.MUST);
        }
        if (q instanceof TextQuery.Any a) {
            return combine(a.parts(), prefixes, BooleanClause.Occur.SHOULD);
        }
        return new MatchNoDocsQuery("no words");
    }

    private static Query combine(List<TextQuery> parts, Set<String> prefixes, BooleanClause.Occur occur) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        List<Query> built = new ArrayList<>();
        parts.forEach(p -> built.add(toLucene(p, prefixes)));
        built.forEach(x -> b.add(x, occur));
        return b.build();
    }
}
