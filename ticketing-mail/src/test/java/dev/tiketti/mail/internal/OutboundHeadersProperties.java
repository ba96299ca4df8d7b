package dev.tiketti.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.tiketti.core.common.TicketKey;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

@DisplayName("Header values from any text")
class OutboundHeadersProperties {
    private static final long SEED = Long.getLong("tiketti.seed", 20_261_208L);

    private static QuickTheory qt(int examples) {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(examples).withShrinkCycles(200);
    }

    @Test
    @DisplayName("a subject from any text is one line with the ticket's tag, and no control character")
    void subjectsAreOneLine() {
        qt(1000).forAll(strings().allPossible().ofLengthBetween(0, 300), integers().between(1, 99_999))
                .checkAssert((text, n) -> {
                    TicketKey key = new TicketKey("HR", n);
                    String subject = OutboundHeaders.tagged(text, key);
                    assertThat(subject).contains("[" + key + "]");
                    assertThat(subject.codePoints().noneMatch(c -> Character.isISOControl(c) || c == 0x2028
                            || c == 0x2029 || c == 0x85)).as(subject).isTrue();
                    assertThat(OutboundHeaders.tagged(subject, key)).as("tagging twice adds nothing").isEqualTo(subject);
                });
    }

    @Test
    @DisplayName("a quoted Message-ID from any text is taken only without line breaks or spaces")
    void messageIdsAreOneToken() {
        qt(1000).forAll(strings().allPossible().ofLengthBetween(0, 80)).checkAssert(text -> {
            Optional<String> id = OutboundHeaders.messageId("<" + text + "@example.com>");
            id.ifPresent(v -> assertThat(v.chars().allMatch(c -> c > ' ' && c < 0x7f)).as(v).isTrue());
        });
    }

    @Test
    @DisplayName("no address with a line break, space or second address is ever taken")
    void addressesAreBare() {
        qt(1000).forAll(strings().allPossible().ofLengthBetween(0, 40), strings().allPossible().ofLengthBetween(0, 10))
                .checkAssert((local, tail) -> OutboundAddresses.bare(local + "@example.fi" + tail).ifPresent(a ->
                        assertThat(a.getAddress().chars().noneMatch(c -> c <= ' ' || c == ',' || c == '<'))
                                .as(a.getAddress()).isTrue()));
    }
}
