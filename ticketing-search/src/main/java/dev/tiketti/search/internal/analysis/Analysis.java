package dev.tiketti.search.internal.analysis;

import dev.tiketti.core.privacy.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;

/**
 * The analysis of one {@link AnalysisSettings}: what {@link TextAnalysis} delegates to, and what
 * the quality test instantiates once per strategy to compare them on the same test set.
 * Thread-safe: analyzers reuse per-thread components and the word operations are created per call.
 */
public final class Analysis {
    /** Boosts: an exact word beats a stem, which beats a compound part or prefix, which beats a typo. */
    static final float EXACT = 8f;
    static final float STEM = 4f;
    static final float FOLD = 2f;
    static final float GRADE = 2f;
    static final float SUB = 1.5f;
    static final float PREFIX = 1.5f;
    /** N-grams beside the dictionary: any substring, so below a known part. */
    static final float GRAM = 0.75f;
    static final float FUZZY = 0.5f;
    /** Dismax tie-breaker: a word matching in several fields ranks a little higher. */
    static final float TIE = 0.1f;
    /** Words past these counts are ignored / not fuzzed, to stay under Lucene's 1024-clause limit. */
    static final int MAX_WORDS = 24;
    static final int MAX_FUZZY_WORDS = 6;
    static final int FUZZY_EXPANSIONS = 16;
    /** Words at least this long also match, with one typo, as the start of a longer word. */
    static final int MIN_FUZZY_PREFIX = 8;
    static final float FUZZY_PREFIX = 0.4f;
    /** Stems shorter than this get no typo variant of their own. */
    static final int MIN_FUZZY_STEM = 6;
    /** Longer "words" (pasted hashes, base64) get no fuzzy or prefix variant. */
    static final int MAX_FUZZY_LENGTH = 40;

    private static final FieldType SEARCH_ONLY = type(false, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    private static final FieldType GRAMS = type(false, IndexOptions.DOCS_AND_FREQS);
    private static final FieldType HIGHLIGHTED = type(true, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    private static final CharArraySet STOP = stopWords();

    private final AnalysisSettings settings;
    private final Analyzer analyzer;
    private final Map<Chains.Kind, QueryBuilder> phrases = new EnumMap<>(Chains.Kind.class);

    public Analysis(AnalysisSettings settings) {
        this.settings = settings;
        this.analyzer = Chains.perField(settings);
        for (Chains.Kind k : Chains.Kind.values()) {
            phrases.put(k, new QueryBuilder(Chains.chain(k, settings)));
        }
    }

    public AnalysisSettings settings() {
        return settings;
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    public String highlightField(String prefix) {
        return Chains.Kind.HL.field(prefix);
    }

    public void addText(Document doc, String prefix, String text, Optional<Language> language) {
        Set<Language> languages = language.map(EnumSet::of).orElseGet(() -> EnumSet.copyOf(LanguageDetector.detect(text)));
        doc.add(new Field(Chains.Kind.EXACT.field(prefix), text, SEARCH_ONLY));
        doc.add(new Field(Chains.Kind.FOLD.field(prefix), text, SEARCH_ONLY));
        doc.add(new Field(Chains.Kind.HL.field(prefix), text, HIGHLIGHTED));
        if (languages.contains(Language.FI)) {
            doc.add(new Field(Chains.Kind.FI.field(prefix), text, SEARCH_ONLY));
            if (settings.gradation()) {
                doc.add(new Field(Chains.Kind.GRADE.field(prefix), text, SEARCH_ONLY));
            }
        }
        if (languages.contains(Language.SV)) {
            doc.add(new Field(Chains.Kind.SV.field(prefix), text, SEARCH_ONLY));
        }
        if (languages.contains(Language.EN)) {
            doc.add(new Field(Chains.Kind.EN.field(prefix), text, SEARCH_ONLY));
        }
        if (dictionary()) {
            doc.add(new Field(Chains.Kind.SUB.field(prefix), text, SEARCH_ONLY));
        }
        if (ngrams()) {
            doc.add(new Field(Chains.Kind.GRAM.field(prefix), text, GRAMS));
        }
    }

    private boolean dictionary() {
        return settings.compounds() == CompoundStrategy.DICTIONARY
                || settings.compounds() == CompoundStrategy.DICTIONARY_AND_NGRAM;
    }

    private boolean ngrams() {
        return settings.compounds() == CompoundStrategy.NGRAM
                || settings.compounds() == CompoundStrategy.DICTIONARY_AND_NGRAM;
    }

    public Query parse(String userText, Set<String> prefixes) {
        UserQuery.And parsed = UserQuery.parse(userText);
        Builder b = new Builder(List.copyOf(new TreeSet<>(prefixes)));
        Query q = b.top(parsed);
        return q == null ? new MatchNoDocsQuery("no searchable words") : q;
    }

    /** Builds one query; holds the per-call word operations (they are not thread-safe). */
    private final class Builder {
        private final List<String> prefixes;
        private final UnaryOperator<String> fi = Stems.finnish(settings.stemming()).get();
        private final UnaryOperator<String> sv = Stems.swedish().get();
        private final UnaryOperator<String> en = Stems.english().get();
        private final UnaryOperator<String> fold = Chains.folded();
        private final UnaryOperator<String> grade = Chains.graded(settings);
        private final UnaryOperator<String> snowballFi = Stems.finnish(FinnishStemming.SNOWBALL).get();
        private int words;
        private int fuzzed;

        Builder(List<String> prefixes) {
            this.prefixes = prefixes;
        }

        Query top(UserQuery.And and) {
            // stop words are dropped from a query that has other words ("loma ja palkka")
            boolean onlyStop = and.items().stream().allMatch(this::isStopWord);
            return conjunction(onlyStop ? and.items() : and.items().stream().filter(n -> !isStopWord(n)).toList());
        }

        private boolean isStopWord(UserQuery.Node n) {
            return n instanceof UserQuery.Word w && !w.prefix() && STOP.contains(w.text().toLowerCase(Locale.ROOT));
        }

        private Query conjunction(List<UserQuery.Node> items) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            int positive = 0;
            int negative = 0;
            for (UserQuery.Node n : items) {
                if (n instanceof UserQuery.Not not) {
                    Query q = strict(not.item());
                    if (q != null) {
                        b.add(q, Occur.MUST_NOT);
                        negative++;
                    }
                } else {
                    Query q = node(n);
                    if (q != null) {
                        b.add(q, Occur.MUST);
                        positive++;
                    }
                }
            }
            if (positive == 0 && negative == 0) {
                return null;
            }
            if (positive == 0) {
                b.add(new MatchAllDocsQuery(), Occur.MUST); // "-lomake" alone: everything but
            }
            return b.build();
        }

        private Query node(UserQuery.Node n) {
            if (n instanceof UserQuery.Word w) {
                return word(w, false);
            } else if (n instanceof UserQuery.Phrase p) {
                return phrase(p.text());
            } else if (n instanceof UserQuery.And a) {
                return conjunction(a.items());
            } else if (n instanceof UserQuery.Or o) {
                return disjunction(o.items());
            }
            return conjunction(List.of(n)); // a Not inside an OR: "everything but"

        }

        private Query disjunction(List<UserQuery.Node> items) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            int count = 0;
            for (UserQuery.Node n : items) {
                Query q = node(n);
                if (q != null) {
                    b.add(q, Occur.SHOULD);
                    count++;
                }
            }
            return count == 0 ? null : b.build();
        }

        /** What a NOT excludes: the word and its inflections, never its typos, prefixes or parts. */
        private Query strict(UserQuery.Node n) {
            return n instanceof UserQuery.Word w ? word(w, true) : node(n);
        }

        private Query word(UserQuery.Word w, boolean strict) {
            if (words >= MAX_WORDS) {
                return null;
            }
            List<String> tokens = tokens(Chains.Kind.EXACT, w.text());
            if (tokens.isEmpty()) {
                return null;
            }
            words++;
            if (tokens.size() > 1) {
                return phrase(w.text()); // an e-mail address, HR-1042, "työ-/vapaa-aika"
            }
            String t = tokens.get(0);
            List<Query> any = new ArrayList<>();
            boolean fuzzy = !strict && !w.prefix() && t.length() <= MAX_FUZZY_LENGTH && fuzzed++ < MAX_FUZZY_WORDS;
            boolean prefix = !strict && t.length() <= MAX_FUZZY_LENGTH
                    && (w.prefix() || settings.autoPrefixLength() > 0 && t.length() >= settings.autoPrefixLength());
            for (String p : prefixes) {
                if (!w.prefix()) {
                    any.add(boost(new TermQuery(new Term(Chains.Kind.EXACT.field(p), t)), EXACT));
                    any.add(boost(new TermQuery(new Term(Chains.Kind.FI.field(p), fi.apply(t))), STEM));
                    any.add(boost(new TermQuery(new Term(Chains.Kind.SV.field(p), sv.apply(t))), STEM));
                    any.add(boost(new TermQuery(new Term(Chains.Kind.EN.field(p), en.apply(t))), STEM));
                    any.add(boost(new TermQuery(new Term(Chains.Kind.FOLD.field(p), fold.apply(t))), FOLD));
                    if (settings.gradation()) {
                        any.add(boost(new TermQuery(new Term(Chains.Kind.GRADE.field(p), grade.apply(t))), GRADE));
                    }
                }
                if (!strict && !w.prefix()) {
                    Query sub = dictionary() ? parts(p, t) : null;
                    if (sub != null) {
                        any.add(boost(sub, SUB));
                    }
                    Query gram = ngrams() ? gram(p, t) : null;
                    if (gram != null) {
                        any.add(boost(gram, sub == null && !dictionary() ? SUB : GRAM));
                    }
                }
                if (prefix) {
                    any.add(boost(new PrefixQuery(new Term(Chains.Kind.EXACT.field(p), t)), PREFIX));
                    any.add(boost(new PrefixQuery(new Term(Chains.Kind.FOLD.field(p), Stems.fold(t))), PREFIX));
                }
                if (fuzzy) {
                    int edits = edits(t.length());
                    if (edits > 0) {
                        any.add(boost(new FuzzyQuery(new Term(Chains.Kind.EXACT.field(p), t), edits, 1,
                                FUZZY_EXPANSIONS, true), FUZZY));
                        if (t.length() >= MIN_FUZZY_PREFIX) {
                            // one typo in the first part of a longer word: sairasloma ~ sairauslomailmoitus
                            any.add(boost(fuzzyPrefix(Chains.Kind.EXACT.field(p), t), FUZZY_PREFIX));
                        }
                        // a typo in a long stem, also typed without ä/ö (tyotodistus ~ työtodistuksen);
                        // short stems are one edit away from too many others (palk/pank)
                        String stem = fold.apply(t);
                        if (stem.length() >= MIN_FUZZY_STEM) {
                            any.add(boost(new FuzzyQuery(new Term(Chains.Kind.FOLD.field(p), stem), 1, 1,
                                    FUZZY_EXPANSIONS, true), FUZZY));
                        }
                    }
                }
            }
            return any.isEmpty() ? null : new DisjunctionMaxQuery(any, TIE);
        }

        /** Terms starting with something one edit from {@code t}; a DFA of a few hundred states. */
        private Query fuzzyPrefix(String field, String t) {
            Automaton a = Operations.concatenate(new LevenshteinAutomata(t, true).toAutomaton(1),
                    Automata.makeAnyString());
            return new AutomatonQuery(new Term(field, t + "~*"),
                    Operations.determinize(a, Operations.DEFAULT_DETERMINIZE_WORK_LIMIT));
        }

        private Query parts(String prefix, String t) {
            String field = Chains.Kind.SUB.field(prefix);
            Optional<List<Set<String>>> parts = CompoundSplitter.queryParts(t);
            if (parts.isEmpty()) {
                return null;
            }
            // all parts at one position: the parts of one word, not of neighbouring words
            MultiPhraseQuery.Builder same = new MultiPhraseQuery.Builder();
            for (Set<String> lemmas : parts.get()) {
                same.add(lemmas.stream().sorted().map(l -> new Term(field, l)).toArray(Term[]::new), 0);
            }
            return same.build();
        }

        private Query gram(String prefix, String t) {
            // the stem, so "palkan" looks for "palk" inside "kuukausipalkka"; very short stems
            // ("tuk" of tukki) would hit too many words, so then the word as typed
            String stem = snowballFi.apply(t);
            String gram = stem.length() >= 4 ? stem : t;
            return gram.length() >= Chains.MIN_GRAM && gram.length() <= Chains.MAX_GRAM
                    ? new TermQuery(new Term(Chains.Kind.GRAM.field(prefix), gram)) : null;
        }

        private Query phrase(String text) {
            List<Query> any = new ArrayList<>();
            for (String p : prefixes) {
                addPhrase(any, Chains.Kind.EXACT, p, text, EXACT);
                addPhrase(any, Chains.Kind.FI, p, text, STEM);
                addPhrase(any, Chains.Kind.SV, p, text, STEM);
                addPhrase(any, Chains.Kind.EN, p, text, STEM);
                addPhrase(any, Chains.Kind.FOLD, p, text, FOLD);
            }
            return any.isEmpty() ? null : new DisjunctionMaxQuery(any, TIE);
        }

        private void addPhrase(List<Query> any, Chains.Kind kind, String prefix, String text, float boost) {
            Query q = phrases.get(kind).createPhraseQuery(kind.field(prefix), text);
            if (q != null) {
                any.add(boost(q, boost));
            }
        }
    }

    /** Typos allowed by word length: none up to 4 letters, 1 up to 7, then 2. */
    static int edits(int length) {
        return length < 5 ? 0 : length < 8 ? 1 : 2;
    }

    private static Query boost(Query q, float boost) {
        return new BoostQuery(q, boost);
    }

    /** The tokens of {@code text} under one chain (used for the exact form of a query word). */
    List<String> tokens(Chains.Kind kind, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(kind.field("q"), text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return out;
    }

    private static FieldType type(boolean stored, IndexOptions options) {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setStored(stored);
        t.setIndexOptions(options);
        t.freeze();
        return t;
    }

    private static CharArraySet stopWords() {
        CharArraySet all = new CharArraySet(400, false);
        all.addAll(FinnishAnalyzer.getDefaultStopSet());
        all.addAll(SwedishAnalyzer.getDefaultStopSet());
        all.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return CharArraySet.unmodifiableSet(all);
    }
}
