package dev.tiketti.core.privacy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds personal data in free text: the detectors behind {@code privacy.Redactor}. Immutable and
 * thread-safe. Not API.
 *
 * <p>Every detector prefers a validated match (HETU check character and date, IBAN length and
 * mod-97) over a loose pattern, so that redaction does not eat dates, amounts or ticket keys.
 */
final class PersonalDataScanner {

    // ------------------------------------------------------------------ e-mail

    /**
     * Local part chars may not precede the match, so each run of them is tried once (linear time).
     * The domain is checked in code rather than by a repeated group, which would recurse once per
     * label in java.util.regex and overflow the stack on long inputs.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+\\-])[\\p{L}\\p{N}._%+\\-]+@([\\p{L}\\p{N}\\-.]+)");

    // ------------------------------------------------------------------ HETU

    private static final String HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static final Pattern HETU = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(\\d{2})(\\d{2})(\\d{2})([-+A-FU-Y])(\\d{3})([0-9A-Y])(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE);

    // ------------------------------------------------------------------ phone

    /*
     * A candidate is a Finnish prefix (+358 / 00358, optionally "(0)"; "(0x)"; or a national 0)
     * followed by digit groups separated by one space or hyphen. The candidate is then cut back
     * group by group until its national significant number (NSN, the digits after the prefix)
     * has 6-10 digits. It must not start right after a letter, digit or '+', nor after a digit
     * followed by '.', ',' or ':' (dates, times, decimals), and must not end before a letter, a
     * digit, or '.', ',' or ':' followed by a digit. After a digit and '-' or '/' (2024-05-12, or
     * two numbers 0401234567/0507654321) its first group needs three digits or more. A candidate
     * shaped like a date, a business id (Y-tunnus) or a HETU is no phone number.
     */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\p{L}\\p{N}+])(?<!\\d[.,:])"
                    + "(?:(?<intl>(?:\\+|00)358[ \\-]?(?:\\(0\\)[ \\-]?)?)[1-9]\\d{0,11}(?:[ \\-]\\d{1,11}){0,6}"
                    + "|(?<paren>\\(0)[1-9]\\d{0,2}\\)[ \\-]?\\d{1,11}(?:[ \\-]\\d{1,11}){0,6}"
                    + "|(?<nat>0)[1-9]\\d{0,11}(?:[ \\-]\\d{1,11}){0,6})");
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{1,2}[ \\-]\\d{1,2}[ \\-](?:1[89]|20)\\d\\d");
    private static final Pattern BUSINESS_ID = Pattern.compile("\\d{7}-\\d");
    private static final Pattern HETU_SHAPE = Pattern.compile("\\d{6}[-+A-FU-Ya-fu-y]\\d{3}[0-9A-Ya-y]?");
    private static final int NSN_MIN = 6;
    private static final int NSN_MAX = 10;

    // ------------------------------------------------------------------ IBAN

    private static final Pattern IBAN_START = Pattern.compile("(?<![\\p{L}\\p{N}])[A-Za-z]{2}\\d{2}");
    /** IBAN lengths of the SWIFT IBAN registry (release 2024); unknown countries are not detected. */
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20),
            Map.entry("AX", 18), Map.entry("AZ", 28), Map.entry("BA", 20), Map.entry("BE", 16),
            Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29), Map.entry("BY", 28),
            Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20),
            Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FO", 18),
            Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
            Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HR", 21),
            Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23),
            Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30),
            Map.entry("KZ", 20), Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21),
            Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MC", 27),
            Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MR", 27),
            Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18), Map.entry("NO", 15),
            Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25),
            Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24),
            Map.entry("SC", 31), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24),
            Map.entry("SM", 27), Map.entry("ST", 25), Map.entry("SV", 28), Map.entry("TL", 23),
            Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22),
            Map.entry("VG", 24), Map.entry("XK", 20));

    // ------------------------------------------------------------------ known terms

    private static final String VOWELS = "aeiouyäöå";
    /** Singular and plural case endings (both vowel-harmony variants), Swedish genitive -s. */
    private static final String CASES = "n|a|ä|ta|tä|na|nä|ksi|kse|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|tta|ttä"
            + "|t|en|hen|hin|seen|ne|ine|ineen|in|ja|jä|ia|iä|ita|itä|ien|jen|ten|den|iin|ihin|iksi"
            + "|ille|illa|illä|ilta|iltä|issa|issä|ista|istä|ina|inä|s";
    private static final String POSSESSIVES = "ni|si|nsa|nsä|mme|nne";
    private static final String CLITICS = "kin|kaan|kään|han|hän|pa|pä|ko|kö";
    private static final String REQUIRED_SUFFIX = ":?(?:(?:" + CASES + ")(?:" + POSSESSIVES + ")?(?:" + CLITICS
            + ")?|(?:" + POSSESSIVES + ")(?:" + CLITICS + ")?|(?:" + CLITICS + "))";
    private static final String SUFFIX = "(?::?(?=\\p{L})(?:" + CASES + ")?(?:" + POSSESSIVES + ")?(?:" + CLITICS + ")?)?";

    /** On equal ranges the validated kinds win: a HETU is reported as a HETU, not as a phone number. */
    private static final List<PersonalDataKind> PRIORITY = List.of(PersonalDataKind.HETU, PersonalDataKind.IBAN,
            PersonalDataKind.EMAIL, PersonalDataKind.PHONE, PersonalDataKind.KNOWN_TERM);

    private final Set<PersonalDataKind> kinds;
    private final Optional<Pattern> knownTerms;

    public PersonalDataScanner(Set<PersonalDataKind> kinds, Collection<String> terms) {
        this.kinds = kinds.isEmpty() ? EnumSet.noneOf(PersonalDataKind.class) : EnumSet.copyOf(kinds);
        this.knownTerms = terms.isEmpty() ? Optional.empty() : Optional.of(knownTermPattern(terms));
    }

    /** All findings of the enabled kinds, ordered by start; overlapping findings are merged into one. */
    public List<Finding> scan(CharSequence text) {
        List<Finding> all = new ArrayList<>();
        if (kinds.contains(PersonalDataKind.EMAIL)) {
            emails(text, all);
        }
        if (kinds.contains(PersonalDataKind.HETU)) {
            hetus(text, all);
        }
        if (kinds.contains(PersonalDataKind.IBAN)) {
            ibans(text, all);
        }
        if (kinds.contains(PersonalDataKind.PHONE)) {
            phones(text, all);
        }
        if (kinds.contains(PersonalDataKind.KNOWN_TERM) && knownTerms.isPresent()) {
            Matcher m = knownTerms.get().matcher(text);
            while (m.find()) {
                all.add(new Finding(PersonalDataKind.KNOWN_TERM, m.start(), m.end()));
            }
        }
        return merge(all);
    }

    /**
     * Overlaps are merged so that redaction never leaves a fragment of a longer match behind; the
     * merged finding keeps the kind of the one that starts first (the longest on a tie).
     */
    static List<Finding> merge(List<Finding> all) {
        all.sort(Comparator.comparingInt(Finding::start).thenComparing(Comparator.comparingInt(Finding::end).reversed())
                .thenComparingInt(f -> PRIORITY.indexOf(f.kind())));
        List<Finding> merged = new ArrayList<>();
        Finding current = null;
        for (Finding f : all) {
            if (current == null) {
                current = f;
            } else if (f.start() < current.end()) {
                if (f.end() > current.end()) {
                    current = new Finding(current.kind(), current.start(), f.end());
                }
            } else {
                merged.add(current);
                current = f;
            }
        }
        if (current != null) {
            merged.add(current);
        }
        return List.copyOf(merged);
    }

    // ------------------------------------------------------------------ detectors

    private static void emails(CharSequence text, List<Finding> out) {
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            int domainLength = domainLength(m.group(1));
            if (domainLength > 0) {
                out.add(new Finding(PersonalDataKind.EMAIL, m.start(), m.start(1) + domainLength));
            }
        }
    }

    /**
     * Length of the longest prefix of {@code d} of the form {@code label(.label)*.tld}: non-empty
     * labels of letters, digits and '-', a top-level domain of two or more letters; 0 if none.
     */
    static int domainLength(String d) {
        int firstEmpty = d.indexOf("..");
        int end = firstEmpty >= 0 ? firstEmpty : d.length();
        while (end > 0) {
            int dot = d.lastIndexOf('.', end - 1);
            if (dot <= 0) {
                return 0;
            }
            int letters = 0;
            while (dot + 1 + letters < end && Character.isLetter(d.charAt(dot + 1 + letters))) {
                letters++;
            }
            if (letters >= 2) {
                return dot + 1 + letters;
            }
            end = dot;
        }
        return 0;
    }

    private static void hetus(CharSequence text, List<Finding> out) {
        Matcher m = HETU.matcher(text);
        while (m.find()) {
            if (isValidHetu(m.group())) {
                out.add(new Finding(PersonalDataKind.HETU, m.start(), m.end()));
            }
        }
    }

    /**
     * Whether {@code s} is exactly a valid HETU: DDMMYY, a century sign of the 2023 rules ('+' 1800s;
     * '-', 'Y', 'X', 'W', 'V', 'U' 1900s; 'A'-'F' 2000s), individual number 002-999, a real date and
     * the check character of DDMMYYNNN mod 31. Letters may be in either case.
     */
    public static boolean isValidHetu(String s) {
        if (s.length() != 11) {
            return false;
        }
        for (int i : new int[] {0, 1, 2, 3, 4, 5, 7, 8, 9}) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        int century = switch (Character.toUpperCase(s.charAt(6))) {
            case '+' -> 1800;
            case '-', 'Y', 'X', 'W', 'V', 'U' -> 1900;
            case 'A', 'B', 'C', 'D', 'E', 'F' -> 2000;
            default -> -1;
        };
        if (century < 0) {
            return false;
        }
        int day = Integer.parseInt(s, 0, 2, 10);
        int month = Integer.parseInt(s, 2, 4, 10);
        int year = century + Integer.parseInt(s, 4, 6, 10);
        int individual = Integer.parseInt(s, 7, 10, 10);
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth() || individual < 2) {
            return false;
        }
        int number = Integer.parseInt(s.substring(0, 6) + s.substring(7, 10));
        return HETU_CHECK.charAt(number % 31) == Character.toUpperCase(s.charAt(10));
    }

    private static void phones(CharSequence text, List<Finding> out) {
        Matcher m = PHONE.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int found = phone(text, m);
            // nothing found: a later group of this candidate may still start a number (02150 040 123 4567)
            from = found > 0 ? found : m.start() + 1;
            if (found > 0) {
                out.add(new Finding(PersonalDataKind.PHONE, m.start(), found));
            }
        }
    }

    /** The end of the phone number this candidate starts, or -1 if it is none. */
    private static int phone(CharSequence text, Matcher m) {
        String prefixGroup = m.group("intl") != null ? "intl" : m.group("paren") != null ? "paren" : "nat";
        int bodyStart = m.end(prefixGroup);
        if (prefixGroup.equals("nat")) {
            int first = firstGroupLength(text, m.start());
            boolean moreGroups = m.start() + first < m.end();
            if ((afterDigitAndDash(text, m.start()) && first < 3) || (first == 5 && moreGroups)) {
                return -1; // a date's month, or a postal code followed by a number
            }
        }
        // cut points: the end of every digit group, with the NSN digits up to there (one pass)
        List<int[]> cuts = new ArrayList<>();
        int nsn = 0;
        for (int i = bodyStart; i < m.end(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                nsn++;
                if (i + 1 == m.end() || !Character.isDigit(text.charAt(i + 1))) {
                    cuts.add(new int[] {i + 1, nsn});
                }
            }
        }
        for (int c = cuts.size() - 1; c >= 0; c--) {
            int end = cuts.get(c)[0];
            int digits = cuts.get(c)[1];
            if (digits > NSN_MAX) {
                continue;
            }
            if (digits < NSN_MIN || looksLikeOtherNumber(text, m.start(), end)) {
                return -1;
            }
            if (endsCleanly(text, end)) {
                return end;
            }
        }
        return -1;
    }

    private static boolean afterDigitAndDash(CharSequence text, int start) {
        return start >= 2 && (text.charAt(start - 1) == '-' || text.charAt(start - 1) == '/')
                && Character.isDigit(text.charAt(start - 2));
    }

    private static int firstGroupLength(CharSequence text, int start) {
        int i = start;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i - start;
    }

    private static boolean endsCleanly(CharSequence text, int end) {
        if (end == text.length()) {
            return true;
        }
        char next = text.charAt(end);
        if (Character.isLetterOrDigit(next)) {
            return false;
        }
        boolean punctuation = next == '.' || next == ',' || next == ':';
        return !(punctuation && end + 1 < text.length() && Character.isDigit(text.charAt(end + 1)));
    }

    private static boolean looksLikeOtherNumber(CharSequence text, int start, int end) {
        CharSequence candidate = text.subSequence(start, end);
        return DATE_LIKE.matcher(candidate).matches() || BUSINESS_ID.matcher(candidate).matches()
                || HETU_SHAPE.matcher(candidate).matches();
    }

    private static void ibans(CharSequence text, List<Finding> out) {
        Matcher m = IBAN_START.matcher(text);
        while (m.find()) {
            String country = m.group().substring(0, 2).toUpperCase(Locale.ROOT);
            Integer length = IBAN_LENGTHS.get(country);
            if (length == null) {
                continue;
            }
            StringBuilder compact = new StringBuilder(length);
            int pos = m.start();
            while (pos < text.length() && compact.length() < length) {
                char c = text.charAt(pos);
                if (isAsciiAlnum(c)) {
                    compact.append(Character.toUpperCase(c));
                    pos++;
                } else if ((c == ' ' || c == '\u00A0') && pos + 1 < text.length() && isAsciiAlnum(text.charAt(pos + 1))) {
                    pos++;
                } else {
                    break;
                }
            }
            boolean boundary = pos == text.length() || !Character.isLetterOrDigit(text.charAt(pos));
            if (compact.length() == length && boundary && isValidIban(compact)) {
                out.add(new Finding(PersonalDataKind.IBAN, m.start(), pos));
            }
        }
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** ISO 13616: country code and check digits moved to the end, letters as 10-35, mod 97 must be 1. */
    public static boolean isValidIban(CharSequence compact) {
        if (compact.length() < 5) {
            return false;
        }
        String upper = compact.toString().toUpperCase(Locale.ROOT);
        Integer length = IBAN_LENGTHS.get(upper.substring(0, 2));
        if (length == null || length != upper.length()) {
            return false;
        }
        String rearranged = upper.substring(4) + upper.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return remainder == 1;
    }

    // ------------------------------------------------------------------ known terms

    /**
     * One pattern for all terms: each term literally (whitespace inside it matching any run of
     * whitespace), its last word also in the stems of Finnish inflection, then optional case,
     * possessive and clitic endings, all case-insensitively between word boundaries.
     */
    static Pattern knownTermPattern(Collection<String> terms) {
        // a derived stem (Virtas-, Ainoo-) is no word by itself: it needs an ending
        record Alternative(String stem, boolean derived) {
            String regex() {
                return "(?:" + stem + ")" + (derived ? REQUIRED_SUFFIX : SUFFIX);
            }
        }
        List<Alternative> all = new ArrayList<>();
        for (String term : terms) {
            String[] words = term.strip().split("\\s+");
            String head = java.util.Arrays.stream(words, 0, words.length - 1).map(Pattern::quote)
                    .map(w -> w + "\\s+").collect(Collectors.joining());
            String last = words[words.length - 1];
            for (String stem : stems(last)) {
                all.add(new Alternative(head + Pattern.quote(stem), !stem.equals(last)));
            }
        }
        // longer stems first: the alternation takes the first that fits, and "Aino Virtase-n" must beat "Aino"
        all.sort(Comparator.comparingInt((Alternative a) -> a.stem().length()).reversed());
        String alternatives = all.stream().map(Alternative::regex).collect(Collectors.joining("|"));
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * Stems a word takes in Finnish inflection, by a few common rules rather than a full
     * morphology: -nen names (Virtanen: Virtase-, Virtas-, Virtasi-), the doubled last vowel of the
     * illative (Aino: Ainoo-n), weak grade of kk/pp/tt (Pekka: Peka-n), -i to -e (Niemi: Nieme-n),
     * an -i- after a final consonant (Mikael: Mikaeli-n), and -s to -kse- (Jonas: Jonakse-n).
     * Only words of letters get stems; other terms match literally.
     */
    static Set<String> stems(String word) {
        Set<String> stems = new LinkedHashSet<>();
        stems.add(word);
        int n = word.length();
        if (n < 2 || !word.chars().allMatch(Character::isLetter)) {
            return stems;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        char last = lower.charAt(n - 1);
        if (lower.endsWith("nen") && n > 4) {
            String base = word.substring(0, n - 3);
            stems.add(base + "se");
            stems.add(base + "s");
            stems.add(base + "si");
        }
        if (VOWELS.indexOf(last) >= 0) {
            stems.add(word + word.charAt(n - 1));
            if (n >= 4) {
                char a = lower.charAt(n - 3);
                char b = lower.charAt(n - 2);
                if (a == b && "kpt".indexOf(a) >= 0) {
                    stems.add(word.substring(0, n - 2) + word.substring(n - 1));
                }
                if (last == 'i' && VOWELS.indexOf(b) < 0) {
                    stems.add(word.substring(0, n - 1) + (Character.isUpperCase(word.charAt(n - 1)) ? "E" : "e"));
                }
            }
        } else {
            stems.add(word + "i");
            if (last == 's') {
                stems.add(word.substring(0, n - 1) + "kse");
            }
        }
        return stems;
    }
}
