package dev.tiketti.examples.hr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HrHelpdeskTest {

    private static String walkthrough() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new HrHelpdesk(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run(Clock.fixed(Instant.parse("2025-03-03T08:15:00Z"), ZoneOffset.UTC));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void walkthroughOpensTicketsFromMailAndPhoneAndClosesOne() {
        String out = walkthrough();
        assertThat(out).contains("Mail from Aino     -> HR-1", "Call from Liisa    -> HR-2", "Mail from Eero     -> HR-3");
        assertThat(out).contains("HR-1 is now CLOSED, resolution: Loma siirretty");
        assertThat(out).contains("HR-2 is now OPEN, handled by pekka");
    }

    @Test
    void refusedTransitionShowsEveryReason() {
        String out = walkthrough();
        assertThat(out).contains("Ville tried to start HR-3 [TKT-0302]")
                .contains("only someone with role 'hr' may do this")
                .contains("identified at level SUBSTANTIAL (now NONE)");
    }

    @Test
    void situationalPictureAndHistoryAreShown() {
        String out = walkthrough();
        assertThat(out).contains("NEW / (unassigned): 1", "OPEN / pekka: 1");
        assertThat(out).contains("#7 3.3.2025 10:15:00 agent:maija TRANSITIONED 'close' state: RESOLVED -> CLOSED");
        assertThat(out).contains("Messages handed to the outbound transport: 2");
    }
}
