package dev.tiketti.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.mail.InboundMail;
import dev.tiketti.mail.MailAddress;
import dev.tiketti.mail.MailLimits;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When mime4j gives up on a structure, the mail is still read (header fields and text), not lost. */
class MimeFallbackTest {
    @Test
    void headersAndTextWithoutMimeStructure() {
        MimeMailReader reader = new MimeMailReader(MailLimits.defaults(), Set.of(), () -> 0L);
        byte[] raw = ("From: =?utf-8?Q?J=C3=B6r=C3=B6?= <joro@EXAMPLE.fi>\r\nSubject: Re: varasuunnitelma\r\n"
                + " jatkuu\r\nMessage-ID: <f-1@example.fi>\r\n\r\nHyvää päivää.\r\n> lainattu\r\n")
                .getBytes(StandardCharsets.UTF_8);
        InboundMail m = reader.readWithoutMime(raw);
        assertThat(m.from()).contains(new MailAddress("joro@example.fi", Optional.of("Jörö")));
        assertThat(m.subject()).isEqualTo("Re: varasuunnitelma jatkuu");
        assertThat(m.messageId()).contains("f-1@example.fi");
        assertThat(m.newText()).isEqualTo("Hyvää päivää.");
        assertThat(m.quoted()).contains("> lainattu");
        assertThat(m.rawSize()).isEqualTo(raw.length);
    }
}
