package dev.tiketti.search.internal.analysis;

import java.io.IOException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fi.FinnishLightStemmer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FinnishStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;

/**
 * The word-level operations of the chains, as plain functions of one lower-case word, so that the
 * index side (a token filter) and the query side (the parser building terms) run the very same
 * code. Each supplier returns a fresh, single-threaded operation.
 */
final class Stems {
    private Stems() {
    }

    static Supplier<UnaryOperator<String>> finnish(FinnishStemming stemming) {
        return stemming == FinnishStemming.SNOWBALL ? () -> snowball(new FinnishStemmer()) : Stems::finnishLight;
    }

    static Supplier<UnaryOperator<String>> swedish() {
        return () -> snowball(new SwedishStemmer());
    }

    static Supplier<UnaryOperator<String>> english() {
        return () -> {
            UnaryOperator<String> porter2 = snowball(new EnglishStemmer());
            return w -> porter2.apply(withoutPossessive(w));
        };
    }

    static String withoutPossessive(String w) {
        if (w.endsWith("'s") || w.endsWith("\u2019s")) {
            return w.substring(0, w.length() - 2);
        }
        return w;
    }

    private static UnaryOperator<String> snowball(SnowballStemmer stemmer) {
        return w -> {
            stemmer.setCurrent(w);
            stemmer.stem();
            return stemmer.getCurrent();
        };
    }

    private static UnaryOperator<String> finnishLight() {
        FinnishLightStemmer light = new FinnishLightStemmer();
        return w -> {
            char[] chars = w.toCharArray();
            return new String(chars, 0, light.stem(chars, chars.length));
        };
    }

    /** ä → a, ö → o, å → a, é → e ...: for handlers who type without the Finnish letters. */
    static String fold(String w) {
        char[] in = w.toCharArray();
        char[] out = new char[in.length * 4];
        int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
        return new String(out, 0, n);
    }

    /** A token filter applying one word operation to every token not marked as a keyword. */
    static final class Filter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
        private final UnaryOperator<String> op;

        Filter(TokenStream input, UnaryOperator<String> op) {
            super(input);
            this.op = op;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (!keyword.isKeyword()) {
                String s = op.apply(term.toString());
                term.setEmpty().append(s);
            }
            return true;
        }
    }
}
