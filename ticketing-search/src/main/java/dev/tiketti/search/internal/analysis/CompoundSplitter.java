package dev.tiketti.search.internal.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Finds the known parts of a (Finnish or Swedish) compound word and names each by its lemma:
 * {@code vuosilomallani → [vuosi] [loma]}, {@code kuukausipalkan → [kuukausi] [palkka]},
 * {@code lähtöhaastattelun → [lähtö] [haastattelu]}. The dictionary maps the shared beginning of
 * a word's inflected forms (both consonant grades: {@code lähtö}, {@code lähdö}) to the lemma,
 * so a query word and a document word meet on the lemma whatever their case ending. Longest
 * match wins at each position, which keeps {@code lomake} (a form) from yielding {@code loma};
 * entries are long enough not to swallow the start of the next part ({@code lomake}, not
 * {@code lomak}, or {@code vuosilomakorvaus} would yield a form).
 *
 * <p>The list is our own: common HR, payroll, billing and city-service nouns. A word whose parts
 * are not listed simply yields no parts (prefix and fuzzy matching still apply).
 */
final class CompoundSplitter {
    /** Shortest entry; shorter strings would match by chance inside unrelated words. */
    static final int MIN_ENTRY = 3;

    /** surface beginning → lemmas (more than one when the form is ambiguous, as tukin is). */
    private static final Map<String, Set<String>> ENTRIES = entries(
            // leave and absences
            "loma", "loma", "lomi", "loma", "lomake", "lomake", "lomakke", "lomake", "lomakkei", "lomake", "lomau", "lomautus",
            "vuosi", "vuosi", "vuode", "vuosi", "kesä", "kesä", "talvi", "talvi", "talve", "talvi",
            "sairaus", "sairaus", "sairaud", "sairaus", "isyys", "isyys", "äitiys", "äitiys",
            "vanhempain", "vanhempain", "vapaa", "vapaa", "perhe", "perhe", "poissaolo", "poissaolo",
            "päivä", "päivä", "päivi", "päivä", "viikko", "viikko", "viiko", "viikko",
            // pay
            "palk", "palkka", "palkka", "palkka", "palkkio", "palkkio", "palkint", "palkinto", "palkinn", "palkinto", "palkkioi", "palkkio", "laskelm", "laskelma",
            "kuukausi", "kuukausi", "kuukaude", "kuukausi", "tunti", "tunti", "tunni", "tunti",
            "raha", "raha", "ylityö", "ylityö", "ylitö", "ylityö", "korvaus", "korvaus", "korvauks", "korvaus",
            "vero", "vero", "kortti", "kortti", "korti", "kortti", "ennakko", "ennakko", "ennako", "ennakko",
            "maksu", "maksu", "pankk", "pankki", "panki", "pankki", "tili", "tili", "tilitys", "tilitys",
            // employment
            "työ", "työ", "todistu", "todistus", "todistuks", "todistus", "terveys", "terveys",
            "terveyd", "terveys", "huolto", "huolto", "huollo", "huolto", "sopimus", "sopimus",
            "sopimuks", "sopimus", "lähtö", "lähtö", "lähdö", "lähtö", "haastattelu", "haastattelu",
            "irtisano", "irtisanominen", "koulutu", "koulutus", "koulutuks", "koulutus",
            "lääkäri", "lääkäri", "matka", "matka", "lasku", "lasku", "laskutu", "laskutus",
            "laskutuks", "laskutus", "kulu", "kulu", "tuki", "tuki",
            "tukki", "tukki", "tukkej", "tukki", "tukkei", "tukki", "tukkie", "tukki", "tukin", "tukki|tuki", "pyyntö", "pyyntö", "pyynnö", "pyyntö",
            // billing and city services
            "erä", "erä", "muistutu", "muistutus", "muistutuks", "muistutus", "perintä", "perintä",
            "perinnä", "perintä", "viite", "viite", "viitte", "viite", "katu", "katu", "kadu", "katu",
            "valo", "valo", "jäte", "jäte", "jätte", "jäte", "astia", "astia", "pysäköinti", "pysäköinti",
            "pysäköinni", "pysäköinti", "sakko", "sakko", "sako", "sakko", "lupa", "lupa", "luva", "lupa",
            "asukas", "asukas", "asukkaa", "asukas", "hakemu", "hakemus", "viemäri", "viemäri",
            "vesi", "vesi", "vede", "vesi", "puisto", "puisto", "puu", "puu",
            // Swedish
            "semester", "semester", "lön", "lön", "lönsam", "lönsam", "specifikation", "specifikation", "ledighet", "ledighet",
            "sjuk", "sjuk", "faktur", "faktura", "intyg", "intyg", "arbets", "arbete", "ersättning", "ersättning");

    /** The entries without ä, ö, å, for query words typed without them ("lahdon", "kesaloma"). */
    private static final Map<String, Set<String>> FOLDED = folded();

    private static final int LONGEST = ENTRIES.keySet().stream().mapToInt(String::length).max().orElse(0);

    private CompoundSplitter() {
    }

    private static Map<String, Set<String>> folded() {
        Map<String, Set<String>> m = new HashMap<>();
        ENTRIES.forEach((k, v) -> m.merge(Stems.fold(k), v, (a, b) -> {
            Set<String> both = new TreeSet<>(a);
            both.addAll(b);
            return Set.copyOf(both);
        }));
        return Map.copyOf(m);
    }

    private static Map<String, Set<String>> entries(String... pairs) {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], Set.of(pairs[i + 1].split("\\|")));
        }
        return Map.copyOf(m);
    }

    /**
     * The parts of one lower-case word, left to right; each part is the set of its possible lemmas.
     * Empty when no listed part occurs.
     */
    static List<Set<String>> parts(String word) {
        List<Set<String>> found = new ArrayList<>();
        int i = 0;
        while (i <= word.length() - MIN_ENTRY) {
            int best = 0;
            Set<String> lemmas = Set.of();
            for (int len = Math.min(LONGEST, word.length() - i); len >= MIN_ENTRY; len--) {
                Set<String> hit = ENTRIES.get(word.substring(i, i + len));
                if (hit != null) {
                    best = len;
                    lemmas = hit;
                    break;
                }
            }
            if (best > 0) {
                found.add(lemmas);
                i += best;
            } else {
                i++;
            }
        }
        return found;
    }

    /** Case endings and possessive suffixes (Finnish), plural and definite endings (Swedish). */
    private static final Pattern ENDINGS = Pattern.compile(
            "(?:n|a|ä|t|i|e|s|lla|llä|ssa|ssä|sta|stä|lle|lta|ltä|ksi|na|nä|ta|tä|ni|si|mme|nne|nsa|nsä"
            + "|kin|ja|jä|an|en|in|on|un|yn|än|ön|er|ar|or|et)*");
    private static final int LONGEST_ENDING = 7;

    /**
     * The parts of a query word when the dictionary explains all of it: every letter belongs to a
     * listed part or to case endings between and after parts ({@code palkanmaksu},
     * {@code vuosilomallani}). A word with unexplained letters ({@code sairasloma}, a typo) gets
     * no parts: looking for its one known part would find every compound with it.
     */
    static Optional<List<Set<String>>> queryParts(String word) {
        Optional<List<Set<String>>> parts = queryParts(word, ENTRIES);
        return parts.isPresent() || !word.equals(Stems.fold(word)) ? parts : queryParts(word, FOLDED);
    }

    private static Optional<List<Set<String>>> queryParts(String word, Map<String, Set<String>> entries) {
        List<Set<String>> found = new ArrayList<>();
        int i = 0;
        int gapStart = 0;
        while (i < word.length()) {
            int best = 0;
            Set<String> lemmas = Set.of();
            for (int len = Math.min(LONGEST, word.length() - i); len >= MIN_ENTRY; len--) {
                Set<String> hit = entries.get(word.substring(i, i + len));
                if (hit != null) {
                    best = len;
                    lemmas = hit;
                    break;
                }
            }
            if (best > 0) {
                if (!isEnding(word.substring(gapStart, i), found.isEmpty())) {
                    return Optional.empty();
                }
                found.add(lemmas);
                i += best;
                gapStart = i;
            } else {
                i++;
            }
        }
        if (found.isEmpty() || !isEnding(word.substring(gapStart), false)) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(found));
    }

    private static boolean isEnding(String gap, boolean leading) {
        if (gap.isEmpty()) {
            return true;
        }
        return !leading && gap.length() <= LONGEST_ENDING && ENDINGS.matcher(gap).matches();
    }

    /** Replaces each token with the lemmas of its parts, all at the token's position. */
    static final class Filter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
        private final Deque<String> pending = new ArrayDeque<>();
        private int skipped;

        Filter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!pending.isEmpty()) {
                term.setEmpty().append(pending.poll());
                posInc.setPositionIncrement(0);
                return true;
            }
            while (input.incrementToken()) {
                int inc = posInc.getPositionIncrement() + skipped;
                List<Set<String>> parts = parts(term.toString());
                if (parts.isEmpty()) {
                    skipped = inc;
                    continue;
                }
                skipped = 0;
                parts.forEach(p -> p.stream().sorted().forEach(pending::add));
                term.setEmpty().append(pending.poll());
                posInc.setPositionIncrement(inc);
                return true;
            }
            return false;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            pending.clear();
            skipped = 0;
        }
    }
}
