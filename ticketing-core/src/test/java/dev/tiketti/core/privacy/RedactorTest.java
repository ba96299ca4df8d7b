package dev.tiketti.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Known answers for every detector of the Redactor; the check characters were computed independently. */
class RedactorTest {

    private static final Redactor STANDARD = Redactor.standard();

    private static List<PersonalDataKind> kinds(Redactor r, String text) {
        return r.scan(text).stream().map(Finding::kind).toList();
    }

    /** The single finding's text, asserting there is exactly one. */
    private static String only(Redactor r, String text) {
        List<Finding> found = r.scan(text);
        assertThat(found).as("findings in <%s>", text).hasSize(1);
        return text.substring(found.get(0).start(), found.get(0).end());
    }

    @Nested
    @DisplayName("HETU")
    class Hetu {
        @ParameterizedTest(name = "{0} is found")
        @ValueSource(strings = {"131052-308T", "131052Y308T", "131052X308T", "131052W308T", "131052V308T",
                "131052U308T", "010195+123X", "010594A3186", "010594B3186", "010594C3186", "010594D3186",
                "010594E3186", "010594F3186", "290200A222F", "300412A900P"})
        void validCodesOfEveryCenturySignAreFound(String hetu) {
            String text = "Henkilötunnus " + hetu + ", kiitos.";
            assertThat(only(STANDARD, text)).isEqualTo(hetu);
            assertThat(kinds(STANDARD, text)).containsExactly(PersonalDataKind.HETU);
            assertThat(STANDARD.redact(text)).isEqualTo("Henkilötunnus xxxxxx, kiitos.");
        }

        @Test
        void lowerCaseLettersAreAccepted() {
            assertThat(only(STANDARD, "tunnus 010594a3186")).isEqualTo("010594a3186");
        }

        @ParameterizedTest(name = "{0} is not a HETU")
        @ValueSource(strings = {
                "131052-308U",  // wrong check character
                "290200-222F",  // 29.2.1900 does not exist (1900 is no leap year)
                "290201A222R",  // 29.2.2001 does not exist
                "320152-308T",  // day 32
                "131352-308T",  // month 13
                "310412A900B",  // 31 April does not exist
                "131052-001X",  // individual number 001 is never issued
                "131052G308T",  // G is no century sign
                "131052Z308T"}) // Z is no century sign
        void invalidCodesAreNotFound(String candidate) {
            assertThat(STANDARD.scan("tunnus " + candidate + " tässä")).isEmpty();
        }

        @Test
        void theCenturySignIsNotPartOfTheChecksumButTheDateMustExistInThatCentury() {
            assertThat(STANDARD.scan("131052A308T")).hasSize(1);   // 13.10.2052
            assertThat(STANDARD.scan("290200A222F")).hasSize(1);   // 29.2.2000, a leap day
            assertThat(STANDARD.scan("290200-222F")).isEmpty();    // 29.2.1900 never was
        }

        @Test
        void aHetuInsideALongerTokenIsNotFound() {
            assertThat(STANDARD.scan("X131052-308T")).isEmpty();
            assertThat(STANDARD.scan("131052-308T9")).isEmpty();
        }
    }

    @Nested
    @DisplayName("Phone numbers")
    class Phones {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"+358 40 123 4567", "+358401234567", "+358-40-123-4567", "+358 (0)40 123 4567",
                "00358 40 1234567", "+358 9 1234 5678", "040 123 4567", "040-1234567", "0401234567", "050 123 4567",
                "045 1234 567", "09 123 4567", "09-1234 567", "(09) 123 4567", "013 123 456", "02 1234 5678"})
        void finnishFormsAreFound(String phone) {
            String text = "Soita numeroon " + phone + ". Kiitos!";
            assertThat(only(STANDARD, text)).isEqualTo(phone);
            assertThat(kinds(STANDARD, text)).containsExactly(PersonalDataKind.PHONE);
        }

        @Test
        void twoNumbersSeparatedBySlashOrHyphenAreBothFound() {
            assertThat(STANDARD.scan("040 123 4567/050 765 4321")).hasSize(2);
            assertThat(STANDARD.redact("0401234567-0507654321")).isEqualTo("xxxxxx-xxxxxx");
        }

        @Test
        void numbersNextToEachOtherAndAfterAPostalCodeAreFoundWhole() {
            assertThat(STANDARD.redact("puh 040 123 4567 050 765 4321")).isEqualTo("puh xxxxxx xxxxxx");
            assertThat(STANDARD.redact("02150 040 123 4567")).isEqualTo("02150 xxxxxx");
        }

        @Test
        void longDigitRunsAndLongTextsOfKeysHaveNoPhoneNumbers() {
            assertThat(STANDARD.scan("0" + "1".repeat(200_000))).isEmpty();
            assertThat(STANDARD.scan("HR-1042 0,50 € 12.05.2024 ".repeat(20_000))).isEmpty();
        }

        @Test
        void aTrailingNumberIsNotSwallowed() {
            assertThat(STANDARD.redact("puh. 040 123 4567 2024 alkaen")).isEqualTo("puh. xxxxxx 2024 alkaen");
        }

        @ParameterizedTest(name = "<{0}> has no phone number")
        @ValueSource(strings = {"Palaveri 03.05.2024 klo 09.30", "päivämäärä 2024-01-15", "15-01-2024",
                "15/01/2024", "maksu 1 234 567 €", "summa 0,50 €", "lasku 050,00 euroa", "tiketti HR-1042",
                "tiketti HR-0401", "osoite 00100 Helsinki", "02150 Espoo", "Y-tunnus 0112038-9",
                "pvm 03 05 2024", "klo 09:30", "versio 1.0.4012345", "koodi abc0401234567"})
        void datesAmountsKeysAndPostalCodesAreNotPhones(String text) {
            assertThat(kinds(STANDARD, text)).doesNotContain(PersonalDataKind.PHONE);
        }
    }

    @Nested
    @DisplayName("E-mail addresses")
    class Emails {
        @Test
        void addressesAreFoundWithoutTrailingPunctuation() {
            assertThat(only(STANDARD, "Lähetä osoitteeseen aino.virtanen@example.fi.")).isEqualTo("aino.virtanen@example.fi");
            assertThat(only(STANDARD, "<eero+hr@mail.example.com>")).isEqualTo("eero+hr@mail.example.com");
        }

        @Test
        void notAnAddress() {
            assertThat(STANDARD.scan("tavataan @ kahvio, hr@example ei ole osoite")).isEmpty();
        }
    }

    @Nested
    @DisplayName("IBAN")
    class Iban {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"FI21 1234 5600 0007 85", "FI2112345600000785", "DE89 3704 0044 0532 0130 00",
                "GB29NWBK60161331926819", "NO93 8601 1117 947", "fi21 1234 5600 0007 85"})
        void validIbansAreFound(String iban) {
            String text = "Tilille " + iban + " maksetaan.";
            assertThat(only(STANDARD, text)).isEqualTo(iban);
            assertThat(kinds(STANDARD, text)).containsExactly(PersonalDataKind.IBAN);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"FI21 1234 5600 0007 86", "FI22 1234 5600 0007 85", "FI21 1234 5600 0007 8",
                "FI2112345600000785X", "ZZ21 1234 5600 0007 85", "FI21  1234 5600 0007 85"})
        void invalidIbansAreNotFound(String candidate) {
            assertThat(kinds(STANDARD, "Tilille " + candidate + " maksetaan.")).doesNotContain(PersonalDataKind.IBAN);
        }
    }

    @Nested
    @DisplayName("Known terms")
    class KnownTerms {
        private final Redactor aino = Redactor.builder().personName("Aino Virtanen").build();

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"Virtanen", "Virtasen", "Virtaselle", "Virtasella", "Virtasta", "Virtaseen",
                "Virtaset", "Virtasille", "virtasenkin", "VIRTASELTA", "Aino", "Ainon", "Ainolle", "Ainoa",
                "Ainoon", "Ainollekin", "Aino:lle", "Aino Virtasen", "Aino Virtanen", "Aino  Virtaselle"})
        void inflectedFormsAreFound(String form) {
            String text = "Asia koskee: " + form + " (HR).";
            assertThat(only(aino, text)).isEqualTo(form);
            assertThat(aino.redact(text)).isEqualTo("Asia koskee: xxxxxx (HR).");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"Ainola", "Virtasalmi", "Kainon", "virta", "Virtas-joki"})
        void otherWordsAreNotFound(String word) {
            assertThat(aino.scan("Tässä " + word + " on.")).isEmpty();
        }

        @Test
        void gradationAndOtherStems() {
            Redactor r = Redactor.builder().knownTerms(List.of("Pekka", "Niemi", "Mikael", "Jonas", "Laine"))
                    .detect(PersonalDataKind.KNOWN_TERM).build();
            assertThat(r.redact("Pekan, Pekalle, Niemen, Niemelle, Mikaelin, Mikaelille, Jonaksen, Laineelle, Laineen"))
                    .isEqualTo("xxxxxx, xxxxxx, xxxxxx, xxxxxx, xxxxxx, xxxxxx, xxxxxx, xxxxxx, xxxxxx");
        }

        @Test
        void aContactsRecordedDataAreKnownTerms() {
            Contact c = Contact.withEmail("Aino Virtanen", "aino.virtanen@example.fi", AssuranceLevel.LOW)
                    .withPhone("+46 70 123 45 67").withAddedEmail("ainov@example.com");
            Redactor r = Redactor.builder().contact(c).build();
            assertThat(r.redact("Virtasen ruotsalainen numero +46 70 123 45 67, osoite AINOV@example.com"))
                    .isEqualTo("xxxxxx ruotsalainen numero xxxxxx, osoite xxxxxx");
            assertThat(r.knownTermCount()).isEqualTo(6);
        }

        @Test
        void theStandardRedactorHasNoKnownTerms() {
            assertThat(STANDARD.scan("Aino Virtanen")).isEmpty();
        }
    }

    @Nested
    @DisplayName("Redaction")
    class Redaction {
        @Test
        void allKindsInOneText() {
            Redactor r = Redactor.builder().personName("Aino Virtanen").replacement("[poistettu]").build();
            String text = "Ainon (aino.virtanen@example.fi, 040 123 4567) tunnus 131052-308T, tili FI21 1234 5600 0007 85.";
            assertThat(r.redact(text)).isEqualTo(
                    "[poistettu] ([poistettu], [poistettu]) tunnus [poistettu], tili [poistettu].");
            assertThat(kinds(r, text)).containsExactly(PersonalDataKind.KNOWN_TERM, PersonalDataKind.EMAIL,
                    PersonalDataKind.PHONE, PersonalDataKind.HETU, PersonalDataKind.IBAN);
        }

        @Test
        void overlappingFindingsAreMergedSoNothingIsLeftBehind() {
            Redactor r = Redactor.builder().personName("Aino Virtanen").build();
            List<Finding> found = r.scan("aino.virtanen@example.fi");
            assertThat(found).containsExactly(new Finding(PersonalDataKind.EMAIL, 0, 24));
        }

        @Test
        void onlyTheChosenKindsAreRedacted() {
            Redactor hetuOnly = Redactor.builder().detect(PersonalDataKind.HETU).build();
            assertThat(hetuOnly.redact("131052-308T, aino@example.fi, 040 123 4567"))
                    .isEqualTo("xxxxxx, aino@example.fi, 040 123 4567");
            assertThat(hetuOnly.kinds()).containsExactly(PersonalDataKind.HETU);
        }

        @Test
        void findingsDoNotRevealTheText() {
            assertThat(STANDARD.scan("131052-308T").get(0).toString()).doesNotContain("131052");
            Redactor r = Redactor.builder().personName("Aino Virtanen").build();
            assertThat(r.toString()).doesNotContainIgnoringCase("aino").contains("3 known term(s)");
            assertThat(r.knownTermCount()).isEqualTo(3);
        }
    }

    @Nested
    @DisplayName("Pathological input")
    class Pathological {
        private final Redactor r = Redactor.builder().personName("Aino Virtanen").build();

        @Test
        void aDomainOfManyLabelsDoesNotOverflowTheStack() {
            // a repeated regex group recursed per label and overflowed the stack here
            assertThat(r.scan("x@" + "a.".repeat(50_000) + "1")).isEmpty();
            assertThat(r.scan("x@" + "a.".repeat(50_000) + "fi")).containsExactly(
                    new Finding(PersonalDataKind.EMAIL, 0, 2 + 100_000 + 2));
        }

        @Test
        void longRepetitionsOfPartialMatchesFindNothing() {
            assertThat(r.scan("a@".repeat(100_000))).isEmpty();
            assertThat(r.scan("Virtase".repeat(100_000))).isEmpty();
            assertThat(r.scan("FI21 ".repeat(100_000))).isEmpty();
            assertThat(r.scan("131052-".repeat(100_000))).isEmpty();
            assertThat(r.scan("+358 ".repeat(100_000))).isEmpty();
        }

        @Test
        void manyMatchesAreAllFound() {
            assertThat(r.scan("Aino ".repeat(100_000))).hasSize(100_000);
        }
    }

    @Nested
    @DisplayName("Bad configuration")
    class BadConfiguration {
        @Test
        void aReplacementSetTwiceIsRejectedAtOnce() {
            assertThatThrownBy(() -> Redactor.builder().replacement("x").replacement("y"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("TKT-0801").hasMessageContaining("already");
        }

        @Test
        void aReplacementWithDigitsOrAtIsRejected() {
            assertThatThrownBy(() -> Redactor.builder().replacement("0000"))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("without digits or '@'");
            assertThatThrownBy(() -> Redactor.builder().replacement(""))
                    .isInstanceOf(ConfigurationException.class);
        }

        @Test
        void aReplacementThatIsAKnownTermIsRejected() {
            assertThatThrownBy(() -> Redactor.builder().knownTerm("Aino").replacement("Ainon").build())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("itself be found")
                    .hasMessageNotContaining("Aino");
        }

        @Test
        void shortTermsAreRejectedWithoutRepeatingThem() {
            assertThatThrownBy(() -> Redactor.builder().knownTerm("Q"))
                    .isInstanceOf(ConfigurationException.class)
                    .satisfies(e -> assertThat(((TicketingException) e).code()).isEqualTo(ErrorCode.INVALID_REDACTOR))
                    .hasMessageNotContaining("'Q'");
        }

        @Test
        void termsWithoutKnownTermKindAndTheReverseAreBothReported() {
            assertThatThrownBy(() -> Redactor.builder().knownTerm("Aino").detect(PersonalDataKind.HETU).build())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("leaves KNOWN_TERM out")
                    .hasMessageNotContaining("Aino");
            assertThatThrownBy(() -> Redactor.builder().detect(PersonalDataKind.KNOWN_TERM).build())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("no known term was given");
        }

        @Test
        void nullsAndBlanksAreRejectedWithTheParameterName() {
            assertThatThrownBy(() -> Redactor.builder().knownTerm(" "))
                    .hasMessageContaining("TKT-0001").hasMessageContaining("known term");
            assertThatThrownBy(() -> STANDARD.redact(null)).hasMessageContaining("text");
        }
    }
}
