package dev.tiketti.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.FieldViolation;
import dev.tiketti.core.common.StorableText;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.common.ValidationException;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketUpdate;
import dev.tiketti.core.ticket.TransitionRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Text that some supported store cannot keep faithfully (PostgreSQL refuses U+0000 and turns a
 * lone surrogate into '?', H2 keeps both) is refused by core, naming each field, before anything
 * is written — so every store behaves alike (issue #20 item 2).
 */
class StorableTextTest {
    private static final String MARKER = "Aino-Virtanen-7f3a";
    private final Fixture f = new Fixture().withHrSetup();

    /** Every char from U+0000 to U+FFFF alone, and every surrogate pair's two orders. */
    @Test
    void exactlyTheC0ControlsButTabAndLineBreaksAndUnpairedSurrogatesAreRefused() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String alone = "a" + (char) c + "b";
            boolean refused = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || Character.isSurrogate((char) c);
            assertThat(StorableText.isStorable(alone)).as("U+%04X", c).isEqualTo(!refused);
            assertThat(StorableText.isStorable(StorableText.clean(alone))).as("cleaned U+%04X", c).isTrue();
            if (!refused) {
                assertThat(StorableText.clean(alone)).isEqualTo(alone);
            }
        }
        String pair = "\uD83D\uDE00"; // an emoji: a high then a low surrogate
        assertThat(StorableText.isStorable("x" + pair + "y")).isTrue();
        assertThat(StorableText.isStorable("x" + pair.charAt(1) + pair.charAt(0) + "y")).isFalse();
        assertThat(StorableText.clean("a\uD800b\u0000c" + pair)).isEqualTo("a\uFFFDbc" + pair);
        assertThat(StorableText.firstProblem("ab\u0000")).contains("U+0000 at position 3");
    }

    @Test
    void openingNamesEachFieldWithUnstorableTextAndStoresNothing() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> f.ticketing.tickets()
                .open(OpenTicket.of("annual-leave", f.requester.id(), MARKER + "\uD800", Channel.EMAIL)
                        .body(MARKER + "\u0000").field("leaveYear", 2025)));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder("subject", "body");
        assertThat(e.getMessage()).contains("U+D800", "U+0000").doesNotContain(MARKER);
        assertThat(f.ticketing.tickets().query(dev.tiketti.core.ticket.TicketQuery.all())).isEmpty();
    }

    @Test
    void everyChangeRefusesUnstorableTextAndLeavesTheTicketAsItWas() {
        Ticket t = f.open();
        List<Executable> changes = new ArrayList<>(List.of(
                () -> f.ticketing.tickets().update(TicketUpdate.of(t.id(), f.maija).subject("Loma\u0007")),
                () -> f.ticketing.tickets().addEntry(NewEntry.note(t.id(), f.maija, "Soitettu\u0000")),
                () -> f.ticketing.tickets().transition(TransitionRequest.of(t.id(), "start", f.maija)
                        .resolution("Hoidettu\uDC00"))));
        for (Executable change : changes) {
            ValidationException e = catchThrowableOfType(ValidationException.class, change::execute);
            assertThat(e.violations()).hasSize(1);
            assertThat(e.violations().get(0).field()).isIn("subject", "body", "resolution");
            assertThat(e.violations().get(0).rejectedValue()).isEmpty();
        }
        assertThat(f.ticketing.tickets().get(t.id())).isEqualTo(t);
        assertThat(f.ticketing.tickets().history(t.id())).hasSize(1);
        assertThat(f.ticketing.tickets().timeline(t.id())).hasSize(1);
    }

    @Test
    void classificationsRefuseRelativeSegmentsAbsurdLengthsAndUnstorableNames() {
        for (String path : List.of("Palvelussuhde/../Vuosiloma", "./Vuosiloma", "A/B/.",
                "a/b/c/d/e/f/g/h/i/j/k", "x".repeat(101), "Loma\u0000")) {
            TicketingException e = catchThrowableOfType(TicketingException.class, () -> Classification.of(path));
            assertThat(e).as(path).isNotNull();
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CLASSIFICATION);
        }
        assertThat(Classification.of("a/b/c/d/e/f/g/h/i/j").segments()).hasSize(10);
        assertThat(Classification.of("x".repeat(100)).path()).hasSize(100);
        assertThat(Classification.of("Palvelussuhde/Vuosiloma.2025").segments()).hasSize(2);
    }
}
