package dev.tiketti.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.TicketKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Header values built from data")
class OutboundHeadersTest {
    @Test
    @DisplayName("lose every line break and control character, also the Unicode separators")
    void oneLine() {
        assertThat(OutboundHeaders.oneLine("Loma\r\nBcc: x@example.com")).isEqualTo("Loma Bcc: x@example.com");
        assertThat(OutboundHeaders.oneLine("a\rb\nc\u0085d\u2028e\u2029f\tg\u0000h")).isEqualTo("a b c d e f g h");
        assertThat(OutboundHeaders.oneLine("  \r\n  ")).isEmpty();
        assertThat(OutboundHeaders.oneLine("x".repeat(2000))).hasSize(500);
        assertThat(OutboundHeaders.oneLine("Äijälä – ok")).isEqualTo("Äijälä – ok");
    }

    @Test
    @DisplayName("carry the ticket tag exactly once")
    void tagOnce() {
        TicketKey key = TicketKey.parse("HR-1042");
        assertThat(OutboundHeaders.tagged("Vuosiloma", key)).isEqualTo("[HR-1042] Vuosiloma");
        assertThat(OutboundHeaders.tagged("[HR-1042] Vuosiloma", key)).isEqualTo("[HR-1042] Vuosiloma");
        assertThat(OutboundHeaders.tagged("Re: Vuosiloma [HR-1042]", key)).isEqualTo("Re: Vuosiloma [HR-1042]");
        assertThat(OutboundHeaders.tagged("[HR-104] Vuosiloma", key)).isEqualTo("[HR-1042] [HR-104] Vuosiloma");
        assertThat(OutboundHeaders.tagged("", key)).isEqualTo("[HR-1042]");
    }

    @Test
    @DisplayName("take a quoted Message-ID only when it is one bracketed id on one line")
    void messageIds() {
        assertThat(OutboundHeaders.messageId("<CAB1=x@mail.example.com>")).contains("<CAB1=x@mail.example.com>");
        for (String bad : new String[] {"<a@b>\r\nBcc: x@y", "<a@b> <c@d>", "a@b", "<a b@c>", "<ab>", "<a@b@c>", "<ä@b>"}) {
            assertThat(OutboundHeaders.messageId(bad)).as(bad).isEmpty();
        }
    }
}
