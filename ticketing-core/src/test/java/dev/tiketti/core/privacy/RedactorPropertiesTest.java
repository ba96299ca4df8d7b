package dev.tiketti.core.privacy;

import static dev.tiketti.core.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of the Redactor over generated HETUs and free text. Where a part of the input is a
 * small finite set, every member of it is checked too: all wrong check characters and all
 * single-digit changes of each generated HETU, every name with every inflection ending.
 */
class RedactorPropertiesTest {
    private static final String CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static final Redactor STANDARD = Redactor.standard();
    private static final Redactor WITH_NAME = Redactor.builder().personName("Aino Virtanen").build();
    static final List<String> NEN_SURNAMES = List.of("Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Hämäläinen",
            "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Saarinen");
    static final List<String> NEN_ENDINGS = List.of("nen", "sen", "selle", "sella", "selta", "sessa", "sesta", "seen",
            "sta", "seksi", "sena", "set", "sten", "sille", "silla", "sia", "sensa", "sellekin", "senkaan");
    static final List<String> VOWEL_FIRST_NAMES = List.of("Aino", "Liisa", "Eero", "Sanna", "Ville", "Outi", "Leena",
            "Kalle");
    static final List<String> VOWEL_ENDINGS = List.of("", "n", "lle", "lla", "lta", "ssa", "sta", "a", "ksi", "nkin",
            "llekin", "han", "ni", "nsa");

    /** A valid HETU built independently of the scanner: any date 1800-2099, its century sign, 002-899. */
    static Gen<String> hetus() {
        Gen<LocalDate> dates = longs().between(LocalDate.of(1800, 1, 1).toEpochDay(),
                LocalDate.of(2099, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay);
        return dates.zip(integers().between(2, 899), integers().between(0, 5), (date, individual, signChoice) -> {
            String signs = switch (date.getYear() / 100) {
                case 18 -> "+";
                case 19 -> "-YXWVU";
                default -> "ABCDEF";
            };
            char sign = signs.charAt(signChoice % signs.length());
            String ddmmyy = String.format("%02d%02d%02d", date.getDayOfMonth(), date.getMonthValue(),
                    date.getYear() % 100);
            String nnn = String.format("%03d", individual);
            return ddmmyy + sign + nnn + CHECK.charAt(Integer.parseInt(ddmmyy + nnn) % 31);
        });
    }

    /** Text made of Finnish-looking words, numbers, punctuation and now and then personal data. */
    static Gen<String> freeText() {
        Gen<String> words = Generate.pick(List.of("loma", "vuosiloman", "HR-1042", "12.5.2024", "2024-05-12",
                "1 200,50 €", "00100", "klo", "9.30", "Aino", "Virtasen", "ja", "040", "123", "4567", "0401234567",
                "+358", "FI21", "1234", "5600", "0007", "85", "aino@example.fi", "131052-308T", "x", "@", "-", ".",
                ",", ":", "/", "(", ")", "0", "9", "A", "+", "Ainolle", "xxxxxx"));
        Gen<String> separators = Generate.pick(List.of(" ", " ", "", "\n", "-", "."));
        return lists().of(words.zip(separators, (w, s) -> w + s)).ofSizeBetween(0, 30)
                .map(parts -> String.join("", parts));
    }

    /** Ordinary words, dates, amounts and versions: nothing personal. */
    static Gen<String> ordinary() {
        return lists().of(Generate.pick(List.of("vuosiloma", "HR-1042", "12.5.2024", "2024-05-12", "1 200,50 €",
                        "00100 Helsinki", "klo 9.30", "palkka", "Ainola", "virta", "lomapäivät", "0,50 €",
                        "maksettu 15.1.2025", "versio 2.0.1")))
                .ofSizeBetween(0, 20).map(parts -> String.join(" ", parts));
    }

    @Test
    void anyValidHetuEmbeddedInRandomTextIsCoveredAndRedacted() {
        qt(1000).forAll(hetus(), freeText(), freeText()).checkAssert((hetu, before, after) -> {
            String text = before + " " + hetu + " " + after;
            int start = before.length() + 1;
            // a neighbouring match (e.g. a phone number running into it) may merge with it: covered is what counts
            assertThat(STANDARD.scan(text)).anySatisfy(f -> {
                assertThat(f.start()).isLessThanOrEqualTo(start);
                assertThat(f.end()).isGreaterThanOrEqualTo(start + hetu.length());
            });
            assertThat(STANDARD.redact(text)).doesNotContain(hetu);
        });
    }

    @Test
    void aValidHetuBetweenWordsIsFoundExactlyAsAHetu() {
        qt(1000).forAll(hetus(), ordinary(), ordinary()).checkAssert((hetu, before, after) -> {
            String text = before + " (" + hetu + ") " + after;
            int start = before.length() + 2;
            assertThat(STANDARD.scan(text))
                    .containsExactly(new Finding(PersonalDataKind.HETU, start, start + hetu.length()));
        });
    }

    @Test
    void aChangedCheckCharacterIsNeverAValidHetu() {
        qt(1000).forAll(hetus()).checkAssert(hetu -> {
            for (char other : CHECK.toCharArray()) { // all 30 wrong check characters
                if (other != hetu.charAt(10)) {
                    String changed = hetu.substring(0, 10) + other;
                    assertThat(STANDARD.scan(changed)).as(changed).isEmpty();
                }
            }
        });
    }

    @Test
    void aHetuWithOneDigitChangedIsNeverFoundAsAHetu() {
        qt(1000).forAll(hetus()).checkAssert(hetu -> {
            // 10^k mod 31 is never 0 and |change| < 31 * 10^k: every single-digit change moves the check residue
            for (int which = 0; which <= 8; which++) { // all nine digits, each changed in all nine ways
                int position = which < 6 ? which : which + 1;
                for (int delta = 1; delta <= 9; delta++) {
                    char digit = (char) ('0' + (hetu.charAt(position) - '0' + delta) % 10);
                    String changed = hetu.substring(0, position) + digit + hetu.substring(position + 1);
                    assertThat(STANDARD.scan("tunnus " + changed + " tässä")).as(changed).extracting(Finding::kind)
                            .doesNotContain(PersonalDataKind.HETU);
                }
            }
        });
    }

    @Test
    void redactIsIdempotent() {
        qt(1000).forAll(freeText()).checkAssert(text -> {
            for (Redactor r : List.of(STANDARD, WITH_NAME)) {
                String once = r.redact(text);
                assertThat(r.redact(once)).isEqualTo(once);
                assertThat(r.scan(once)).isEmpty();
            }
        });
    }

    @Test
    void textWithoutFindingsIsUnchanged() {
        AtomicInteger withoutFindings = new AtomicInteger();
        qt(1000).forAll(freeText()).checkAssert(text -> {
            if (WITH_NAME.scan(text).isEmpty()) {
                withoutFindings.incrementAndGet();
                assertThat(WITH_NAME.redact(text)).isSameAs(text).isEqualTo(text);
            }
        });
        assertThat(withoutFindings).as("texts without findings, among 1000").hasValueGreaterThan(50);
    }

    @Test
    void findingsAreOrderedDisjointAndInsideTheText() {
        qt(1000).forAll(freeText()).checkAssert(text -> {
            List<Finding> found = WITH_NAME.scan(text);
            for (int i = 0; i < found.size(); i++) {
                assertThat(found.get(i).end()).isLessThanOrEqualTo(text.length());
                if (i > 0) {
                    assertThat(found.get(i).start()).isGreaterThanOrEqualTo(found.get(i - 1).end());
                }
            }
        });
    }

    @Test
    void textsOfOrdinaryWordsAreUnchanged() {
        qt(1000).forAll(ordinary()).checkAssert(text -> assertThat(WITH_NAME.redact(text)).isEqualTo(text));
    }

    @Test
    void inflectedFormsOfAnyNenSurnameAreRedacted() {
        List<Redactor> redactors = NEN_SURNAMES.stream()
                .map(surname -> Redactor.builder().personName("Testi " + surname).build()).toList();
        qt(1000).forAll(integers().between(0, NEN_SURNAMES.size() - 1), Generate.pick(NEN_ENDINGS), ordinary(),
                ordinary()).checkAssert((i, ending, before, after) -> assertNenFormRedacted(redactors, i, ending,
                before, after));
        for (int i = 0; i < NEN_SURNAMES.size(); i++) { // and every surname with every ending
            for (String ending : NEN_ENDINGS) {
                assertNenFormRedacted(redactors, i, ending, "Lomakysymys:", "kiitos 12.5.2024");
            }
        }
    }

    private static void assertNenFormRedacted(List<Redactor> redactors, int surname, String ending, String before,
                                              String after) {
        String name = NEN_SURNAMES.get(surname);
        String form = name.substring(0, name.length() - 3) + ending;
        assertThat(redactors.get(surname).redact(before + " " + form + ", " + after)).as(form)
                .isEqualTo(before + " xxxxxx, " + after);
    }

    @Test
    void inflectedFormsOfAnyVowelFinalFirstNameAreRedacted() {
        List<Redactor> redactors = VOWEL_FIRST_NAMES.stream()
                .map(first -> Redactor.builder().personName(first + " Testinen").build()).toList();
        qt(1000).forAll(integers().between(0, VOWEL_FIRST_NAMES.size() - 1), Generate.pick(VOWEL_ENDINGS), ordinary(),
                ordinary()).checkAssert((i, ending, before, after) -> assertVowelFormRedacted(redactors, i, ending,
                before, after));
        for (int i = 0; i < VOWEL_FIRST_NAMES.size(); i++) { // and every first name with every ending
            for (String ending : VOWEL_ENDINGS) {
                assertVowelFormRedacted(redactors, i, ending, "Lomakysymys:", "kiitos 12.5.2024");
            }
        }
    }

    private static void assertVowelFormRedacted(List<Redactor> redactors, int first, String ending, String before,
                                                String after) {
        String form = VOWEL_FIRST_NAMES.get(first) + ending;
        assertThat(redactors.get(first).redact(before + " " + form + ". " + after)).as(form)
                .isEqualTo(before + " xxxxxx. " + after);
    }
}
