package dev.tiketti.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("OutboundAddresses")
class OutboundAddressesTest {
    @Test
    @DisplayName("take exactly one bare address, nothing around it")
    void bare() {
        assertThat(OutboundAddresses.bare("aino.aijala@example.fi")).map(InternetAddress::getAddress)
                .contains("aino.aijala@example.fi");
        assertThat(OutboundAddresses.bare("o'brien+hr@sub.example.com")).isPresent();
        for (String bad : new String[] {"", "aino", "@example.fi", "aino@", "Aino <aino@example.fi>",
                "aino@example.fi, eero@example.com", "aino@example.fi\r\nBcc: x@example.com", " aino@example.fi",
                "aino@@example.fi", "\"a b\"@example.fi", "a@b@example.fi", "aino@example.fi\n"}) {
            assertThat(OutboundAddresses.bare(bad)).as("'%s'", bad).isEmpty();
        }
    }

    @Test
    @DisplayName("put a display name on one line and encode it when it is not ASCII")
    void named() throws Exception {
        InternetAddress a = OutboundAddresses.named(OutboundAddresses.bare("hr@example.fi").orElseThrow(), "Äijälä, Åsa\r\nBcc: x@y.fi");

        assertThat(a.getPersonal()).isEqualTo("Äijälä, Åsa Bcc: x@y.fi");
        assertThat(a.toString()).startsWith("=?UTF-8?").doesNotContain("\r", "\n").endsWith("<hr@example.fi>");
        assertThat(OutboundAddresses.named(OutboundAddresses.bare("hr@example.fi").orElseThrow(), " \r\n").toString())
                .isEqualTo("hr@example.fi");
    }
}
