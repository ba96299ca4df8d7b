package dev.tiketti.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.StorageUnavailableException;
import dev.tiketti.core.common.TicketingException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.SocketTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SMTP failures")
class SmtpFailuresTest {
    private static final String WHAT = "the REPLY about HR-1042";
    private static final String SERVER = "smtp.example.fi:587";

    private static SendFailedException refusedRecipient(int code) throws Exception {
        InternetAddress aino = new InternetAddress("aino.aijala@example.fi");
        SMTPAddressFailedException rcpt = new SMTPAddressFailedException(aino, "RCPT TO:<aino.aijala@example.fi>", code,
                code + " 5.1.1 <aino.aijala@example.fi>: Recipient address rejected");
        return new SendFailedException("Invalid OutboundAddresses", rcpt, new InternetAddress[0], new InternetAddress[0],
                new InternetAddress[] {aino});
    }

    @Test
    @DisplayName("a 5xx refusal of the recipient is MAIL_DELIVERY_REFUSED, not retryable, naming neither address nor reply text")
    void permanent() throws Exception {
        TicketingException e = SmtpFailures.translate(refusedRecipient(550), WHAT, SERVER);

        assertThat(e.code()).isEqualTo(ErrorCode.MAIL_DELIVERY_REFUSED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("HR-1042", "RCPT TO", "550", SERVER).doesNotContain("aino", "Recipient address");
        assertThat(e.getCause()).isNull();
    }

    @Test
    @DisplayName("a 4xx answer is retryable MAIL_SERVER_UNAVAILABLE, as a StorageUnavailableException")
    void transientReply() throws Exception {
        TicketingException rcpt = SmtpFailures.translate(refusedRecipient(451), WHAT, SERVER);
        TicketingException data = SmtpFailures.translate(new SMTPSendFailedException("DATA", 452,
                "452 4.3.1 Insufficient system storage", null, null, null, null), WHAT, SERVER);

        for (TicketingException e : new TicketingException[] {rcpt, data}) {
            assertThat(e).isInstanceOf(StorageUnavailableException.class);
            assertThat(e.code()).isEqualTo(ErrorCode.MAIL_SERVER_UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("for now", "HR-1042").doesNotContain("aino");
        }
        assertThat(rcpt.getMessage()).contains("RCPT TO", "451");
        assertThat(data.getMessage()).contains("DATA", "452");
    }

    @Test
    @DisplayName("a timeout is retryable with the network exception as the only cause")
    void timeout() {
        SocketTimeoutException timeout = new SocketTimeoutException("Read timed out");
        TicketingException e = SmtpFailures.translate(new MessagingException("Exception reading response", timeout),
                WHAT, SERVER);

        assertThat(e.code()).isEqualTo(ErrorCode.MAIL_SERVER_UNAVAILABLE);
        assertThat(e.getCause()).isSameAs(timeout);
        assertThat(e.getMessage()).contains("did not answer");
    }

    @Test
    @DisplayName("refused credentials are MAIL_AUTHENTICATION_FAILED")
    void authentication() {
        TicketingException e = SmtpFailures.translate(new AuthenticationFailedException("535 5.7.8 bad credentials for "
                + "tiketti@example.fi"), WHAT, SERVER);

        assertThat(e.code()).isEqualTo(ErrorCode.MAIL_AUTHENTICATION_FAILED);
        assertThat(e.getMessage()).contains(SERVER, "retryAllDead").doesNotContain("tiketti@example.fi");
    }
}
