package dev.tiketti.core.privacy;

import dev.tiketti.core.common.Require;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds and overwrites personal data in free text: e-mail addresses, Finnish phone numbers,
 * Finnish personal identity codes (HETU), IBANs and terms the host names (a person's name, with its
 * Finnish inflected forms). Used by erasure and offered to hosts, e.g. to strip HETUs at intake:
 *
 * <pre>{@code
 * String safe = Redactor.standard().redact(body);
 * Redactor forAino = Redactor.builder().contact(aino).knownTerm("ainov").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #redact} is idempotent: redacting a redacted text changes
 * nothing. See {@code docs/privacy.md} for what each detector matches and what it leaves alone.
 *
 * @since 0.1
 */
public final class Redactor {
    /** The default replacement: the overwrite R8 names ("overwrite the name with xxxxxx"). */
    public static final String DEFAULT_REPLACEMENT = "xxxxxx";
    /** Known terms shorter than this would redact ordinary words. */
    public static final int MIN_TERM_LENGTH = 2;

    private static final Set<PersonalDataKind> PATTERN_KINDS =
            EnumSet.of(PersonalDataKind.EMAIL, PersonalDataKind.PHONE, PersonalDataKind.HETU, PersonalDataKind.IBAN);
    private static final Redactor STANDARD = builder().build();
    private static final int MAX_PASSES = 8;

    private final Set<PersonalDataKind> kinds;
    private final List<String> terms;
    private final String replacement;
    private final PersonalDataScanner scanner;

    private Redactor(Set<PersonalDataKind> kinds, List<String> terms, String replacement) {
        this.kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
        this.terms = List.copyOf(terms);
        this.replacement = replacement;
        this.scanner = new PersonalDataScanner(kinds, terms);
    }

    /** E-mail addresses, phone numbers, HETUs and IBANs, replaced by {@value #DEFAULT_REPLACEMENT}. */
    public static Redactor standard() {
        return STANDARD;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The personal data found in {@code text}, ordered by position, overlapping matches merged. */
    public List<Finding> scan(CharSequence text) {
        return scanner.scan(Require.nonNull(text, "text"));
    }

    /** Whether {@link #scan} finds anything. */
    public boolean containsPersonalData(CharSequence text) {
        return !scan(text).isEmpty();
    }

    /**
     * {@code text} with every finding replaced by {@link #replacement()}. Scans again after
     * replacing until nothing is found, because removing one match can expose another (a phone
     * number was only refused because a HETU touched it).
     */
    public String redact(CharSequence text) {
        String current = Require.nonNull(text, "text").toString();
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            List<Finding> findings = scanner.scan(current);
            if (findings.isEmpty()) {
                return current;
            }
            current = replace(current, findings);
        }
        return current;
    }

    private String replace(String text, List<Finding> findings) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (Finding f : findings) {
            out.append(text, from, f.start()).append(replacement);
            from = f.end();
        }
        return out.append(text, from, text.length()).toString();
    }

    /** The kinds this redactor looks for. */
    public Set<PersonalDataKind> kinds() {
        return kinds;
    }

    /** The string that replaces each finding. */
    public String replacement() {
        return replacement;
    }

    /** Number of known terms (the terms themselves are personal data and are not exposed). */
    public int knownTermCount() {
        return terms.size();
    }

    @Override
    public String toString() {
        return "Redactor" + kinds + " with " + terms.size() + " known term(s)";
    }

    /**
     * Configures a {@link Redactor}. Each option is checked when set; {@link #build()} reports every
     * remaining problem at once. Messages never repeat a known term (it is personal data).
     */
    public static final class Builder {
        private Set<PersonalDataKind> kinds;
        private final Map<String, String> terms = new LinkedHashMap<>();
        private String replacement;

        private Builder() {
        }

        /**
         * Only these kinds are detected (default: e-mail, phone, HETU, IBAN, plus known terms when
         * any are given). E.g. {@code detect(PersonalDataKind.HETU)} to strip identity codes only.
         */
        public Builder detect(PersonalDataKind first, PersonalDataKind... more) {
            Require.nonNull(first, "kind");
            Require.nonNull(more, "kinds");
            if (kinds != null) {
                throw PrivacyMessages.detectTwice();
            }
            Set<PersonalDataKind> chosen = EnumSet.of(first);
            for (PersonalDataKind k : more) {
                chosen.add(Require.nonNull(k, "kind"));
            }
            kinds = chosen;
            return this;
        }

        /**
         * A string to find case-insensitively at word boundaries, the last word also in Finnish
         * inflected forms (Virtanen: Virtasen, Virtaselle; Aino: Ainon, Ainolle). Duplicates are
         * ignored.
         */
        public Builder knownTerm(String term) {
            Require.notBlank(term, "known term");
            String normal = term.strip().replaceAll("\\s+", " ");
            if (normal.length() < MIN_TERM_LENGTH) {
                throw PrivacyMessages.termTooShort(MIN_TERM_LENGTH);
            }
            terms.putIfAbsent(normal.toLowerCase(Locale.ROOT), normal);
            return this;
        }

        public Builder knownTerms(Collection<String> more) {
            Require.nonNull(more, "known terms").forEach(this::knownTerm);
            return this;
        }

        /**
         * A person's full name as a known term, plus each of its parts of at least
         * {@value #MIN_TERM_LENGTH} letters, so that "Aino Virtanen" also finds "Virtasen" alone.
         */
        public Builder personName(String fullName) {
            knownTerm(fullName);
            for (String part : fullName.strip().split("[\\s\\-]+")) {
                if (part.length() >= MIN_TERM_LENGTH) {
                    knownTerm(part);
                }
            }
            return this;
        }

        /**
         * Everything the register knows that identifies the contact, as known terms: the name (as
         * {@link #personName}), every e-mail address and every phone number as recorded. The
         * pattern detectors still find other spellings of Finnish numbers.
         */
        public Builder contact(Contact contact) {
            Require.nonNull(contact, "contact");
            personName(contact.name());
            contact.emails().forEach(this::knownTerm);
            contact.phones().forEach(this::knownTerm);
            return this;
        }

        /**
         * What replaces each finding (default {@value #DEFAULT_REPLACEMENT}). It must not contain
         * digits or '@' and must not itself be found, so that redaction stays idempotent.
         */
        public Builder replacement(String token) {
            Require.nonNull(token, "replacement");
            if (replacement != null) {
                throw PrivacyMessages.replacementTwice();
            }
            if (token.isEmpty() || token.length() > 64 || token.chars().anyMatch(c -> Character.isDigit(c) || c == '@')) {
                throw PrivacyMessages.replacementInvalid(token.length());
            }
            replacement = token;
            return this;
        }

        /** Checks the whole configuration and returns the immutable redactor. */
        public Redactor build() {
            List<String> problems = new ArrayList<>();
            Set<PersonalDataKind> chosen;
            if (kinds == null) {
                chosen = EnumSet.copyOf(PATTERN_KINDS);
                if (!terms.isEmpty()) {
                    chosen.add(PersonalDataKind.KNOWN_TERM);
                }
            } else {
                chosen = kinds;
                if (chosen.contains(PersonalDataKind.KNOWN_TERM) && terms.isEmpty()) {
                    problems.add(PrivacyMessages.knownTermWithoutTerms());
                }
                if (!chosen.contains(PersonalDataKind.KNOWN_TERM) && !terms.isEmpty()) {
                    problems.add(PrivacyMessages.termsWithoutKnownTerm(terms.size()));
                }
            }
            String token = replacement == null ? DEFAULT_REPLACEMENT : replacement;
            if (problems.isEmpty()) {
                Redactor candidate = new Redactor(chosen, new ArrayList<>(terms.values()), token);
                if (candidate.containsPersonalData(token)) {
                    problems.add(PrivacyMessages.replacementIsPersonalData());
                } else {
                    return candidate;
                }
            }
            throw PrivacyMessages.redactor(problems);
        }
    }
}
