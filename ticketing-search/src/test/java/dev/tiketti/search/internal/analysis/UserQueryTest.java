package dev.tiketti.search.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.search.internal.analysis.UserQuery.And;
import dev.tiketti.search.internal.analysis.UserQuery.Not;
import dev.tiketti.search.internal.analysis.UserQuery.Or;
import dev.tiketti.search.internal.analysis.UserQuery.Phrase;
import dev.tiketti.search.internal.analysis.UserQuery.Word;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UserQueryTest {
    static Word w(String text) {
        return new Word(text, false);
    }

    @Test
    @DisplayName("words are AND-ed")
    void wordsAreAnded() {
        assertThat(UserQuery.parse("vuosiloma  siirto")).isEqualTo(new And(List.of(w("vuosiloma"), w("siirto"))));
        assertThat(UserQuery.parse("vuosiloma AND siirto && x")).isEqualTo(new And(List.of(w("vuosiloma"), w("siirto"), w("x"))));
    }

    @Test
    @DisplayName("OR binds two neighbours; | is OR too")
    void orBindsNeighbours() {
        assertThat(UserQuery.parse("a lomaraha OR lomapalkka | lomakorvaus"))
                .isEqualTo(new And(List.of(w("a"), new Or(List.of(w("lomaraha"), w("lomapalkka"), w("lomakorvaus"))))));
    }

    @Test
    @DisplayName("quotes make a phrase; an unclosed quote runs to the end")
    void quotesMakePhrases() {
        assertThat(UserQuery.parse("\"vuosiloman siirto\" palkka"))
                .isEqualTo(new And(List.of(new Phrase("vuosiloman siirto"), w("palkka"))));
        assertThat(UserQuery.parse("palkka \"vuosiloman siirto"))
                .isEqualTo(new And(List.of(w("palkka"), new Phrase("vuosiloman siirto"))));
        assertThat(UserQuery.parse("\u201Evuosiloma\u201D")).isEqualTo(new And(List.of(new Phrase("vuosiloma"))));
    }

    @Test
    @DisplayName("-word, -\"phrase\" and NOT word exclude; a hyphen inside a word does not")
    void minusAndNotExclude() {
        assertThat(UserQuery.parse("loma -lomake NOT lomautus -\"kesä loma\""))
                .isEqualTo(new And(List.of(w("loma"), new Not(w("lomake")), new Not(w("lomautus")), new Not(new Phrase("kesä loma")))));
        assertThat(UserQuery.parse("HR-1042 loma-aika")).isEqualTo(new And(List.of(w("HR-1042"), w("loma-aika"))));
        assertThat(UserQuery.parse("NOT -loma")).isEqualTo(new And(List.of(w("loma")))); // negations cancel
        assertThat(UserQuery.parse("- loma")).isEqualTo(new And(List.of(w("-"), w("loma")))); // a lone dash is a word
    }

    @Test
    @DisplayName("a trailing * asks for a prefix")
    void starAsksForAPrefix() {
        assertThat(UserQuery.parse("vuosilo* *")).isEqualTo(new And(List.of(new Word("vuosilo", true), w(""))));
    }

    @Test
    @DisplayName("parentheses group; unclosed ones close at the end, stray ones are ignored")
    void parenthesesGroup() {
        assertThat(UserQuery.parse("(loma OR vapaa) palkka"))
                .isEqualTo(new And(List.of(new Or(List.of(w("loma"), w("vapaa"))), w("palkka"))));
        assertThat(UserQuery.parse(") loma (palkka")).isEqualTo(new And(List.of(w("loma"), w("palkka"))));
        assertThat(UserQuery.parse("((((((((((((loma))))))))))))").items()).contains(w("loma"));
    }

    @Test
    @DisplayName("dangling operators are ignored")
    void danglingOperatorsAreIgnored() {
        assertThat(UserQuery.parse("OR palkka OR")).isEqualTo(new And(List.of(w("palkka"))));
        assertThat(UserQuery.parse("palkka NOT")).isEqualTo(new And(List.of(w("palkka"))));
        assertThat(UserQuery.parse("OR AND NOT ( )")).isEqualTo(new And(List.of()));
    }

    @Test
    @DisplayName("an e-mail address, a colon and other punctuation stay inside the word")
    void punctuationStaysInWords() {
        assertThat(UserQuery.parse("maija.virtanen@example.fi subject:palkka +x ~y"))
                .isEqualTo(new And(List.of(w("maija.virtanen@example.fi"), w("subject:palkka"), w("+x"), w("~y"))));
    }
}
