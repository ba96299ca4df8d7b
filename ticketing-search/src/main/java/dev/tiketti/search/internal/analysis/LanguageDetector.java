package dev.tiketti.search.internal.analysis;

import dev.tiketti.core.privacy.Language;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guesses whether a text is Finnish, Swedish or English from function words and a few spelling
 * features (å, double vowels, typical endings). Texts here are short and often mixed (an English
 * signature under a Finnish question), so it answers with every language it cannot rule out;
 * the caller indexes the text in each of them.
 */
final class LanguageDetector {
    private static final Set<String> FI = Set.of("ja", "on", "ei", "että", "kun", "olen", "oli", "ole", "minun",
            "minulla", "minä", "mä", "se", "tai", "myös", "mutta", "voi", "voisitteko", "voitteko", "kiitos",
            "hei", "terveisin", "onko", "mikä", "miksi", "missä", "milloin", "nyt", "vielä", "jo", "tämä", "tuo",
            "sen", "sitä", "ovat", "olisi", "en", "ettei", "koska", "jos", "kuin", "tässä", "siitä", "mitä",
            "meidän", "teidän", "pitää", "pitäisi", "tarvitsen", "haluan", "haluaisin", "saan", "saada");
    private static final Set<String> SV = Set.of("och", "är", "att", "jag", "det", "för", "inte", "med", "på",
            "som", "till", "har", "min", "mitt", "mina", "av", "om", "en", "ett", "den", "hej", "tack", "vänliga",
            "hälsningar", "kan", "ni", "vi", "var", "när", "vad", "hur", "ska", "skulle", "eller", "men", "också",
            "från", "efter", "under", "inför", "fick", "får", "behöver", "vill");
    private static final Set<String> EN = Set.of("the", "and", "is", "to", "of", "my", "i", "for", "in", "was",
            "not", "have", "has", "please", "with", "on", "it", "this", "that", "be", "can", "could", "would",
            "you", "your", "we", "our", "are", "an", "a", "from", "hello", "hi", "thanks", "regards", "dear",
            "did", "does", "do", "when", "why", "what", "will", "been", "me", "at", "by");

    /** Double vowels anywhere, or a Finnish case ending. */
    private static final Pattern FINNISH_SPELLING =
            Pattern.compile("aa|ää|ii|uu|yy|öö|ee|oo|(?:ssa|ssä|lla|llä|sta|stä|ksi|lle|n)$");
    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");
    private static final Pattern ENGLISH_SPELLING = Pattern.compile("th|wh|sh|(?:tion|ing|ed|ly)$");

    private LanguageDetector() {
    }

    /** Every language the text plausibly is; all three when there is too little to tell. */
    static Set<Language> detect(String text) {
        Map<Language, Double> score = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            score.put(l, 0.0);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int words = 0;
        for (String w : NON_LETTERS.split(lower)) {
            if (w.isEmpty()) {
                continue;
            }
            words++;
            add(score, Language.FI, FI.contains(w) ? 1 : 0);
            add(score, Language.SV, SV.contains(w) ? 1 : 0);
            add(score, Language.EN, EN.contains(w) ? 1 : 0);
            if (w.indexOf('å') >= 0) {
                add(score, Language.SV, 1.5);
            }
            if (FINNISH_SPELLING.matcher(w).find()) {
                add(score, Language.FI, 0.3);
            }
            if ((w.indexOf('ä') >= 0 || w.indexOf('ö') >= 0) && !SV.contains(w)) {
                add(score, Language.FI, 0.3);
                add(score, Language.SV, 0.15);
            }
            if (ENGLISH_SPELLING.matcher(w).find()) {
                add(score, Language.EN, 0.3);
            }
        }
        double best = score.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (words < 3 || best < 1.0) {
            return EnumSet.allOf(Language.class);
        }
        Set<Language> result = EnumSet.noneOf(Language.class);
        // a language within 60 % of the best stays: a quoted reply or signature in another language
        score.forEach((l, s) -> {
            if (s >= best * 0.6) {
                result.add(l);
            }
        });
        return result;
    }

    private static void add(Map<Language, Double> score, Language l, double d) {
        score.merge(l, d, Double::sum);
    }
}
