package dev.tiketti.search.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CompoundSplitterTest {
    @Test
    @DisplayName("parts are named by lemma whatever the case ending and the consonant grade")
    void partsAreLemmas() {
        assertThat(CompoundSplitter.parts("vuosilomallani")).containsExactly(Set.of("vuosi"), Set.of("loma"));
        assertThat(CompoundSplitter.parts("kuukausipalkan")).containsExactly(Set.of("kuukausi"), Set.of("palkka"));
        assertThat(CompoundSplitter.parts("lähdön")).containsExactly(Set.of("lähtö"));
        assertThat(CompoundSplitter.parts("kadunvarsipysäköinti")).contains(Set.of("katu"), Set.of("pysäköinti"));
    }

    @Test
    @DisplayName("the longest entry wins: a form (lomake) and a layoff (lomautus) are not leave")
    void longestMatchWins() {
        assertThat(CompoundSplitter.parts("lomakkeen")).containsExactly(Set.of("lomake"));
        assertThat(CompoundSplitter.parts("lomautusilmoitus")).containsExactly(Set.of("lomautus"));
        assertThat(CompoundSplitter.parts("vuosilomakorvaus")).containsExactly(Set.of("vuosi"), Set.of("loma"), Set.of("korvaus"));
    }

    @Test
    @DisplayName("an ambiguous form carries both lemmas (tukin: of a log or of support)")
    void ambiguousFormsCarryBoth() {
        assertThat(CompoundSplitter.parts("tukin")).containsExactly(Set.of("tukki", "tuki"));
    }

    @Test
    @DisplayName("a query word gets parts only when the list explains all its letters")
    void queryPartsNeedFullCover() {
        assertThat(CompoundSplitter.queryParts("palkanmaksua")).contains(List.of(Set.of("palkka"), Set.of("maksu")));
        assertThat(CompoundSplitter.queryParts("sairasloma")).isEmpty();   // a typo of sairausloma
        assertThat(CompoundSplitter.queryParts("vuosilman")).isEmpty();
        assertThat(CompoundSplitter.queryParts("kesaloma")).contains(List.of(Set.of("kesä"), Set.of("loma"))); // folded list
        assertThat(CompoundSplitter.queryParts("xyz")).isEmpty();
    }
}
