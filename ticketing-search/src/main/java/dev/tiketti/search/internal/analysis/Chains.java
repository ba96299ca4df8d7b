package dev.tiketti.search.internal.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The analyzer chain of each field kind. Every chain starts with Lucene's {@link StandardTokenizer}
 * (UAX#29 words; an e-mail address becomes its local part and its domain) and a lower-case
 * filter; then:
 * <ul>
 *   <li>{@code exact}: nothing more (ä, ö, å kept);
 *   <li>{@code fi}: the Finnish stemmer of the settings; {@code sv}: Snowball Swedish;
 *       {@code en}: possessive removal + Snowball English (Porter2);
 *   <li>{@code fold}: Snowball Finnish, then ASCII folding (lähdön → lahdo, as "lahdon" stems);
 *   <li>{@code grade}: the Finnish stem's {@link Gradation#key gradation key};
 *   <li>{@code sub}: {@link CompoundSplitter} lemmas; {@code gram}: n-grams of 3–10 letters;
 *   <li>{@code hl}: all of the above stacked at one position (original offsets), so a highlighter
 *       finds any query term in one stored field.
 * </ul>
 */
final class Chains {
    static final int MIN_GRAM = 3;
    static final int MAX_GRAM = 10;

    /** The kinds of field one text is indexed into; the field name is {@code prefix + "." + suffix}. */
    enum Kind {
        EXACT("exact"), FI("fi"), SV("sv"), EN("en"), FOLD("fold"), GRADE("grade"), SUB("sub"), GRAM("gram"), HL("hl");

        final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }

        String field(String prefix) {
            return prefix + "." + suffix;
        }

        static Kind ofField(String field) {
            int dot = field.lastIndexOf('.');
            String suffix = dot < 0 ? "" : field.substring(dot + 1);
            for (Kind k : values()) {
                if (k.suffix.equals(suffix)) {
                    return k;
                }
            }
            return EXACT;
        }
    }

    private Chains() {
    }

    /** One analyzer for all fields of all prefixes, choosing the chain by the field's suffix. */
    static Analyzer perField(AnalysisSettings settings) {
        EnumMap<Kind, Analyzer> chains = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            chains.put(k, chain(k, settings));
        }
        return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return chains.get(Kind.ofField(fieldName));
            }
        };
    }

    static Analyzer chain(Kind kind, AnalysisSettings settings) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new LowerCaseFilter(source);
                ts = switch (kind) {
                    case EXACT -> ts;
                    case FI -> new Stems.Filter(ts, Stems.finnish(settings.stemming()).get());
                    case SV -> new Stems.Filter(ts, Stems.swedish().get());
                    case EN -> new Stems.Filter(ts, Stems.english().get());
                    case FOLD -> new Stems.Filter(ts, folded());
                    case GRADE -> new Stems.Filter(ts, graded(settings));
                    case SUB -> new CompoundSplitter.Filter(ts);
                    case GRAM -> new NGramTokenFilter(ts, MIN_GRAM, MAX_GRAM, false);
                    case HL -> new Stack(ts, settings);
                };
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    static UnaryOperator<String> folded() {
        UnaryOperator<String> fi = Stems.finnish(FinnishStemming.SNOWBALL).get();
        return w -> Stems.fold(fi.apply(w));
    }

    static UnaryOperator<String> graded(AnalysisSettings settings) {
        UnaryOperator<String> fi = Stems.finnish(settings.stemming()).get();
        return w -> Gradation.key(Stems.fold(fi.apply(w)));
    }

    /** Emits each token and then its distinct variants at the same position and offsets. */
    static final class Stack extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
        private final List<UnaryOperator<String>> variants;
        private final boolean dictionary;
        private final Deque<String> pending = new ArrayDeque<>();

        Stack(TokenStream input, AnalysisSettings settings) {
            super(input);
            this.variants = List.of(Stems.finnish(settings.stemming()).get(), Stems.swedish().get(),
                    Stems.english().get(), folded(), graded(settings));
            this.dictionary = settings.compounds() != CompoundStrategy.NONE && settings.compounds() != CompoundStrategy.NGRAM;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!pending.isEmpty()) {
                term.setEmpty().append(pending.poll());
                posInc.setPositionIncrement(0);
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            String original = term.toString();
            Set<String> more = new LinkedHashSet<>();
            for (UnaryOperator<String> v : variants) {
                more.add(v.apply(original));
            }
            if (dictionary) {
                CompoundSplitter.parts(original).forEach(more::addAll);
            }
            more.remove(original);
            pending.addAll(more);
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            pending.clear();
        }
    }
}
