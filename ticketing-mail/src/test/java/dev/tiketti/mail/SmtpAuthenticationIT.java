package dev.tiketti.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.testkit.MutableClock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Authenticating to the SMTP server")
class SmtpAuthenticationIT {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("tiketti@example.fi", "tiketti", "salasana"));

    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00+02:00[Europe/Helsinki]");

    private SmtpTransport transport(UnaryOperator<SmtpTransport.Builder> auth) {
        return auth.apply(MailWorld.transport(GREEN_MAIL.getSmtp().getPort(), clock)).build();
    }

    private static OutboundMessage reply() {
        return new OutboundMessage(TicketId.random(), TicketKey.parse("HR-5"), MailWorld.HR,
                new OutboundMessage.ToContact(dev.tiketti.core.common.ContactId.random(),
                        java.util.List.of("aino.aijala@example.fi")), "Loma", "Hei", OutboundMessage.Kind.REPLY);
    }

    @Test
    @DisplayName("with user and password, the mail goes")
    void password() {
        transport(b -> b.credentials("tiketti", "salasana")).send(reply());

        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
    }

    @Test
    @DisplayName("a refused password is MAIL_AUTHENTICATION_FAILED, naming neither user nor password")
    void wrongPassword() {
        SmtpTransport smtp = transport(b -> b.credentials("tiketti", "väärä-salasana"));

        assertThatThrownBy(() -> smtp.send(reply())).isInstanceOfSatisfying(TicketingException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.MAIL_AUTHENTICATION_FAILED);
            assertThat(e.getMessage()).contains("HR-5").doesNotContain("tiketti@", "väärä");
        });
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    @DisplayName("with OAuth2, the token supplier is asked for every connection")
    void oauth2() {
        AtomicInteger asked = new AtomicInteger();
        // GreenMail checks an XOAUTH2 access token as the user's password
        SmtpTransport smtp = transport(b -> b.oauth2("tiketti", () -> asked.incrementAndGet() > 0 ? "salasana" : ""));

        smtp.send(reply());
        smtp.send(reply());

        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 2)).isTrue();
        assertThat(asked).hasValue(2);
    }
}
