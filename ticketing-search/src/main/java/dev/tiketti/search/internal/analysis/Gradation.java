package dev.tiketti.search.internal.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A key of a Finnish stem in which the strong and weak grades of Finnish consonant gradation are
 * the same: {@code katu/kadu → kadu}, {@code lähtö/lähdö → lähdö}, {@code pankk/pank → pang}.
 * Neither Lucene stemmer undoes gradation (Snowball stems {@code kadun} to {@code kadu} but
 * {@code katu} to {@code katu}), so the stem field alone misses these pairs. The key is lossy on
 * purpose (matto and mato share it); it lives in its own low-boost field, and is taken of the
 * folded stem so that "lahdon" typed without ä/ö also meets lähtö.
 */
final class Gradation {
    private Gradation() {
    }

    /** The gradation-neutral key of a lower-case stem. */
    static String key(String stem) {
        String s = stem;
        // strong clusters to their weak partners (kenkä/kengän, kulta/kullan, ranta/rannan ...)
        s = s.replace("nk", "ng").replace("mp", "mm").replace("lt", "ll").replace("rt", "rr")
                .replace("nt", "nn").replace("ht", "hd");
        // geminates to single consonants (pankki/pankin, tukki/tukin, matto/maton)
        s = s.replace("kk", "k").replace("pp", "p").replace("tt", "t");
        // single t and p after a vowel to d and v (katu/kadun, tapa/tavan)
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean afterVowel = i > 0 && isVowel(s.charAt(i - 1));
            if (afterVowel && c == 't') {
                b.append('d');
            } else if (afterVowel && c == 'p') {
                b.append('v');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static boolean isVowel(char c) {
        return "aeiouyäöå".indexOf(c) >= 0;
    }

    /** Replaces each token with its {@link #key}. */
    static final class Filter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        Filter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            String k = key(term.toString());
            term.setEmpty().append(k);
            return true;
        }
    }
}
