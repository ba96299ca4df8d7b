package dev.tiketti.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the Redactor over generated HETUs and free text. */
class RedactorPropertiesTest {
    private static final String CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static final Redactor STANDARD = Redactor.standard();
    private static final Redactor WITH_NAME = Redactor.builder().personName("Aino Virtanen").build();

    /** A valid HETU built independently of the scanner: any date 1800-2099, its century sign, 002-899. */
    @Provide
    Arbitrary<String> hetus() {
        Arbitrary<LocalDate> dates = Arbitraries.longs().between(LocalDate.of(1800, 1, 1).toEpochDay(),
                LocalDate.of(2099, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay);
        return Combinators.combine(dates, Arbitraries.integers().between(2, 899), Arbitraries.integers().between(0, 5))
                .as((date, individual, signChoice) -> {
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
    @Provide
    Arbitrary<String> freeText() {
        Arbitrary<String> words = Arbitraries.of("loma", "vuosiloman", "HR-1042", "12.5.2024", "2024-05-12", "1 200,50 €",
                "00100", "klo", "9.30", "Aino", "Virtasen", "ja", "040", "123", "4567", "0401234567", "+358", "FI21",
                "1234", "5600", "0007", "85", "aino@example.fi", "131052-308T", "x", "@", "-", ".", ",", ":", "/", "(",
                ")", "0", "9", "A", "+", "Ainolle", "xxxxxx");
        Arbitrary<String> separators = Arbitraries.of(" ", " ", "", "\n", "-", ".");
        return Combinators.combine(words, separators).as((w, s) -> w + s).list().ofMaxSize(30)
                .map(parts -> String.join("", parts));
    }

    @Property
    void anyValidHetuEmbeddedInRandomTextIsCoveredAndRedacted(@ForAll("hetus") String hetu,
            @ForAll("freeText") String before, @ForAll("freeText") String after) {
        String text = before + " " + hetu + " " + after;
        int start = before.length() + 1;
        // a neighbouring match (e.g. a phone number running into it) may merge with it: covered is what counts
        assertThat(STANDARD.scan(text)).anySatisfy(f -> {
            assertThat(f.start()).isLessThanOrEqualTo(start);
            assertThat(f.end()).isGreaterThanOrEqualTo(start + hetu.length());
        });
        assertThat(STANDARD.redact(text)).doesNotContain(hetu);
    }

    @Property
    void aValidHetuBetweenWordsIsFoundExactlyAsAHetu(@ForAll("hetus") String hetu, @ForAll("ordinary") String before,
                                                     @ForAll("ordinary") String after) {
        String text = before + " (" + hetu + ") " + after;
        int start = before.length() + 2;
        assertThat(STANDARD.scan(text)).containsExactly(new Finding(PersonalDataKind.HETU, start, start + hetu.length()));
    }

    @Property
    void aChangedCheckCharacterIsNeverAValidHetu(@ForAll("hetus") String hetu, @ForAll("checkChars") char other) {
        String changed = hetu.substring(0, 10) + other;
        if (other != hetu.charAt(10)) {
            assertThat(STANDARD.scan(changed)).isEmpty();
        }
    }

    @Property
    void aHetuWithOneDigitChangedIsNeverFoundAsAHetu(@ForAll("hetus") String hetu,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 8) int which,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 9) int delta) {
        // 10^k mod 31 is never 0 and |change| < 31 * 10^k: every single-digit change moves the check residue
        int position = which < 6 ? which : which + 1;
        char digit = (char) ('0' + (hetu.charAt(position) - '0' + delta) % 10);
        String changed = hetu.substring(0, position) + digit + hetu.substring(position + 1);
        assertThat(STANDARD.scan("tunnus " + changed + " tässä")).extracting(Finding::kind)
                .doesNotContain(PersonalDataKind.HETU);
    }

    @Provide
    Arbitrary<Character> checkChars() {
        return Arbitraries.of(CHECK.chars().mapToObj(c -> (char) c).toList());
    }

    @Property
    void redactIsIdempotent(@ForAll("freeText") String text) {
        for (Redactor r : List.of(STANDARD, WITH_NAME)) {
            String once = r.redact(text);
            assertThat(r.redact(once)).isEqualTo(once);
            assertThat(r.scan(once)).isEmpty();
        }
    }

    @Property
    void textWithoutFindingsIsUnchanged(@ForAll("freeText") String text) {
        if (WITH_NAME.scan(text).isEmpty()) {
            assertThat(WITH_NAME.redact(text)).isSameAs(text).isEqualTo(text);
        }
    }

    @Property
    void findingsAreOrderedDisjointAndInsideTheText(@ForAll("freeText") String text) {
        List<Finding> found = WITH_NAME.scan(text);
        for (int i = 0; i < found.size(); i++) {
            assertThat(found.get(i).end()).isLessThanOrEqualTo(text.length());
            if (i > 0) {
                assertThat(found.get(i).start()).isGreaterThanOrEqualTo(found.get(i - 1).end());
            }
        }
    }

    @Property
    void textsOfOrdinaryWordsAreUnchanged(@ForAll("ordinary") String text) {
        assertThat(WITH_NAME.redact(text)).isEqualTo(text);
    }

    @Property
    void inflectedFormsOfAnyNenSurnameAreRedacted(
            @ForAll("nenSurnames") String surname,
            @ForAll("nenEndings") String ending,
            @ForAll("ordinary") String before, @ForAll("ordinary") String after) {
        Redactor r = Redactor.builder().personName("Testi " + surname).build();
        String form = surname.substring(0, surname.length() - 3) + ending;
        assertThat(r.redact(before + " " + form + ", " + after)).isEqualTo(before + " xxxxxx, " + after);
    }

    @Property
    void inflectedFormsOfAnyVowelFinalFirstNameAreRedacted(
            @ForAll("vowelFirstNames") String first,
            @ForAll("vowelEndings") String ending,
            @ForAll("ordinary") String before, @ForAll("ordinary") String after) {
        Redactor r = Redactor.builder().personName(first + " Testinen").build();
        assertThat(r.redact(before + " " + first + ending + ". " + after)).isEqualTo(before + " xxxxxx. " + after);
    }

    @Provide
    Arbitrary<String> nenSurnames() {
        return Arbitraries.of("Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Hämäläinen", "Heikkinen", "Koskinen",
                "Järvinen", "Lehtonen", "Saarinen");
    }

    @Provide
    Arbitrary<String> nenEndings() {
        return Arbitraries.of("nen", "sen", "selle", "sella", "sella", "selta", "sessa", "sesta", "seen", "sta",
                "seksi", "sena", "set", "sten", "sille", "silla", "sia", "sensa", "sellekin", "senkaan");
    }

    @Provide
    Arbitrary<String> vowelFirstNames() {
        return Arbitraries.of("Aino", "Liisa", "Eero", "Sanna", "Ville", "Outi", "Leena", "Kalle");
    }

    @Provide
    Arbitrary<String> vowelEndings() {
        return Arbitraries.of("", "n", "lle", "lla", "lta", "ssa", "sta", "a", "ksi", "nkin", "llekin", "han", "ni",
                "nsa");
    }

    @Provide
    Arbitrary<String> ordinary() {
        return Arbitraries.of("vuosiloma", "HR-1042", "12.5.2024", "2024-05-12", "1 200,50 €", "00100 Helsinki",
                "klo 9.30", "palkka", "Ainola", "virta", "lomapäivät", "0,50 €", "maksettu 15.1.2025", "versio 2.0.1")
                .list().ofMaxSize(20).map(parts -> String.join(" ", parts));
    }
}
