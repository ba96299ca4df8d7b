package dev.tiketti.search.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GradationTest {
    final UnaryOperator<String> key = Chains.graded(AnalysisSettings.DEFAULT);

    @Test
    @DisplayName("strong and weak grades of one word share a key (tukki/tukin, lähtö/lähdön, katu/kadun, pankki/pankkiin)")
    void gradesShareAKey() {
        assertThat(key.apply("tukin")).isEqualTo(key.apply("tukki"));
        assertThat(key.apply("lähdön")).isEqualTo(key.apply("lähtö"));
        assertThat(key.apply("kadun")).isEqualTo(key.apply("katu"));
        assertThat(key.apply("pankkiin")).isEqualTo(key.apply("pankki"));
        assertThat(key.apply("lahdon")).isEqualTo(key.apply("lähtö")); // typed without ä/ö
    }

    @Test
    @DisplayName("different words keep different keys (katu/katto, palkka/pankki)")
    void differentWordsDiffer() {
        assertThat(key.apply("katto")).isNotEqualTo(key.apply("katu"));
        assertThat(key.apply("palkka")).isNotEqualTo(key.apply("pankki"));
    }
}
