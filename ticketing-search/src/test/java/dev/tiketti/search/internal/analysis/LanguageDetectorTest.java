package dev.tiketti.search.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.privacy.Language;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {
    @Test
    @DisplayName("on the test set: the true language is always among the detected, and alone for most tickets")
    void detectsTheTestSet() {
        TestSet set = TestSet.load();
        int containsTrue = 0;
        int exactlyTrue = 0;
        for (TestSet.Ticket t : set.tickets) {
            Set<Language> detected = LanguageDetector.detect(t.text());
            Language truth = Language.valueOf(t.language().toUpperCase(Locale.ROOT));
            containsTrue += detected.contains(truth) ? 1 : 0;
            exactlyTrue += detected.equals(Set.of(truth)) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "language detection: true language among detected %d/%d, alone %d/%d%n",
                containsTrue, set.tickets.size(), exactlyTrue, set.tickets.size());
        assertThat(containsTrue).isGreaterThanOrEqualTo(set.tickets.size() * 98 / 100);
        assertThat(exactlyTrue).isGreaterThanOrEqualTo(set.tickets.size() * 85 / 100);
    }

    @Test
    @DisplayName("too little text is indexed in all three languages")
    void shortTextIsEveryLanguage() {
        assertThat(LanguageDetector.detect("palkka")).containsExactlyInAnyOrder(Language.values());
        assertThat(LanguageDetector.detect("")).containsExactlyInAnyOrder(Language.values());
        assertThat(LanguageDetector.detect("12345 !!! ...")).containsExactlyInAnyOrder(Language.values());
    }

    @Test
    @DisplayName("a Finnish question with an English signature is both")
    void mixedTextIsBoth() {
        assertThat(LanguageDetector.detect("Onko palkka jo maksettu? Kiitos. -- Please consider the environment before you print this"))
                .contains(Language.FI, Language.EN);
    }
}
