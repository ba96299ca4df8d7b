package dev.tiketti.core.sla;

import static dev.tiketti.core.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.tiketti.core.common.TicketingException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

@DisplayName("Timer id properties")
class TimerIdPropertiesTest {
    private static final TimerKind BREACH = TimerKind.of("sla.breach");

    /**
     * Strings of {@code min} to {@code max} characters: from all of Unicode, from printable Latin,
     * blank ones, and printable ones with a control character put in, so that both outcomes of
     * {@link #subjects()} are common.
     */
    static Gen<String> subjects(int min, int max) {
        Gen<String> blank = lists().of(Generate.pick(List.of(" ", "\t", "\n", "\u2003", "\u00a0")))
                .ofSizeBetween(min, max).map(parts -> String.join("", parts));
        Gen<String> printable = strings().basicLatinAlphabet().ofLengthBetween(min, max);
        Gen<String> withControl = printable.zip(integers().between(0, max), Generate.pick(List.of('\u0000', '\u0007',
                        '\n', '\r', '\u007f', '\u0085')),
                (text, at, control) -> {
                    String s = text.substring(0, Math.min(at, text.length())) + control
                            + text.substring(Math.min(at, text.length()));
                    return s.length() > max ? s.substring(1) : s;
                });
        return Generate.oneOf(strings().allPossible().ofLengthBetween(min, max), printable, blank, withControl)
                .describedAs(TimerIdPropertiesTest::escaped);
    }

    /** {@code s} as a Java literal with every character outside printable ASCII escaped, and its length. */
    static String escaped(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            boolean plain = c >= ' ' && c < 0x7f && c != '"' && c != '\\';
            b.append(plain ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return b.append("\" (").append(s.length()).append(" chars)").toString();
    }

    @Test
    @DisplayName("a subject of 1-200 characters is kept unchanged unless blank or holding control characters")
    void subjects() {
        AtomicInteger kept = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        qt(1000).forAll(subjects(1, 200)).checkAssert(subject -> {
            if (subject.isBlank() || subject.chars().anyMatch(Character::isISOControl)) {
                rejected.incrementAndGet();
                assertThatThrownBy(() -> TimerId.of(BREACH, subject)).isInstanceOf(TicketingException.class);
            } else {
                kept.incrementAndGet();
                assertThat(TimerId.of(BREACH, subject).subject()).isEqualTo(subject);
            }
        });
        assertThat(kept).as("subjects kept").hasValueGreaterThan(200);
        assertThat(rejected).as("subjects rejected").hasValueGreaterThan(200);
    }

    @Test
    @DisplayName("a subject longer than 200 characters is rejected")
    void longSubjects() {
        qt(1000).forAll(subjects(201, 400)).checkAssert(subject ->
                assertThatThrownBy(() -> TimerId.of(BREACH, subject)).isInstanceOf(TicketingException.class));
    }
}
