package dev.tiketti.search.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Compares the compound strategies (none, dictionary, n-grams, both) and the two Finnish stemmers
 * (Snowball, light) on the same test set, prints the table that docs/search-analysis.md quotes,
 * and checks the findings the choice of {@link AnalysisSettings#DEFAULT} rests on.
 */
class StrategyComparisonTest {
    static final Map<String, TestSet.Summary> RUNS = new LinkedHashMap<>();

    @BeforeAll
    static void runEveryStrategy() {
        TestSet set = TestSet.load();
        for (FinnishStemming stemming : FinnishStemming.values()) {
            for (CompoundStrategy compounds : CompoundStrategy.values()) {
                AnalysisSettings s = AnalysisSettings.DEFAULT.withStemming(stemming).withCompounds(compounds);
                RUNS.put(s.label(), set.run(s.label(), new Analysis(s)));
            }
        }
        for (AnalysisSettings s : new AnalysisSettings[] {
                AnalysisSettings.DEFAULT.withCompounds(CompoundStrategy.NONE).withGradation(false),
                AnalysisSettings.DEFAULT.withGradation(false), AnalysisSettings.DEFAULT.withAutoPrefixLength(0)}) {
            RUNS.put(s.label(), set.run(s.label(), new Analysis(s)));
        }
        StringBuilder out = new StringBuilder(TestSet.Summary.header()).append('\n');
        RUNS.values().forEach(r -> out.append(r.row()).append('\n'));
        for (String category : RUNS.values().iterator().next().categories()) {
            out.append("\n### ").append(category).append('\n').append(TestSet.Summary.header()).append('\n');
            RUNS.values().forEach(r -> out.append(r.only(category).row()).append('\n'));
        }
        System.out.println(out);
    }

    static TestSet.Summary run(AnalysisSettings s) {
        return RUNS.get(s.label());
    }

    static final AnalysisSettings DEFAULT = AnalysisSettings.DEFAULT;

    @Test
    @DisplayName("the default has the best micro F1 of all compared settings")
    void theDefaultIsTheBestBalance() {
        double best = RUNS.values().stream().mapToDouble(TestSet.Summary::microF1).max().orElseThrow();
        assertThat(run(DEFAULT).microF1()).isEqualTo(best);
    }

    @Test
    @DisplayName("without compound parts, compound queries lose a third of their tickets")
    void compoundsNeedSomething() {
        TestSet.Summary none = run(DEFAULT.withCompounds(CompoundStrategy.NONE)).only("compounds");
        TestSet.Summary dictionary = run(DEFAULT).only("compounds");
        assertThat(none.microRecall()).isLessThan(0.7);
        assertThat(dictionary.microRecall()).isGreaterThan(none.microRecall() + 0.3);
    }

    @Test
    @DisplayName("n-grams find unlisted compounds the dictionary misses, at the cost of precision and index size")
    void ngramsTradePrecisionForUnlistedWords() {
        TestSet.Summary dictionary = run(DEFAULT);
        TestSet.Summary ngram = run(DEFAULT.withCompounds(CompoundStrategy.NGRAM));
        TestSet.Summary both = run(DEFAULT.withCompounds(CompoundStrategy.DICTIONARY_AND_NGRAM));
        assertThat(ngram.only("held-out compounds").microRecall())
                .isGreaterThan(dictionary.only("held-out compounds").microRecall());
        assertThat(ngram.microPrecision()).isLessThan(dictionary.microPrecision() - 0.02);
        assertThat(both.microRecall()).isGreaterThan(dictionary.microRecall());
        assertThat(both.foundNot()).isGreaterThan(dictionary.foundNot()); // lomake for loma, lönsam for lön
        assertThat(ngram.indexBytes()).isGreaterThan(dictionary.indexBytes() * 3 / 2);
    }

    @Test
    @DisplayName("Snowball is at least as good as the light stemmer, and keeps ä and ö")
    void snowballBeatsLight() {
        for (CompoundStrategy c : CompoundStrategy.values()) {
            assertThat(run(DEFAULT.withCompounds(c)).microF1()).as(c.name())
                    .isGreaterThanOrEqualTo(run(DEFAULT.withCompounds(c).withStemming(FinnishStemming.LIGHT)).microF1());
        }
    }

    @Test
    @DisplayName("the gradation key finds katu/kadun and lähtö/lähdön pairs that the stemmer alone misses")
    void gradationHelpsWithoutTheDictionary() {
        AnalysisSettings plain = DEFAULT.withCompounds(CompoundStrategy.NONE).withGradation(false);
        AnalysisSettings graded = DEFAULT.withCompounds(CompoundStrategy.NONE);
        assertThat(run(graded).only("gradation").microRecall())
                .isGreaterThan(run(plain).only("gradation").microRecall());
    }
}
