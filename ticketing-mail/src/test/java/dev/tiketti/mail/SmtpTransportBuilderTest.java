package dev.tiketti.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SmtpTransport.builder()")
class SmtpTransportBuilderTest {

    private static SmtpTransport.Builder complete() {
        return SmtpTransport.builder().host("smtp.example.fi").defaultFrom("tuki@example.fi", "Tuki")
                .messageIds(MailWorld.IDS).privacyNoticeUrl(MailWorld.PRIVACY);
    }

    private static void refused(Runnable option, ErrorCode code, String... words) {
        assertThatThrownBy(option::run).isInstanceOfSatisfying(TicketingException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(words);
        });
    }

    @Test
    @DisplayName("reports every missing required option at once")
    void everyMissingOption() {
        assertThatThrownBy(() -> SmtpTransport.builder().build()).isInstanceOfSatisfying(ConfigurationException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_MAIL_CONFIGURATION);
                    assertThat(e.problems()).hasSize(4);
                    assertThat(e.getMessage()).contains("host is not set", "defaultFrom is not set",
                            "messageIds is not set", "privacyNoticeUrl is not set", "MessageIds.withKey");
                });
    }

    @Test
    @DisplayName("refuses an option set twice, and a password together with an OAuth2 token, when set")
    void optionsOnce() {
        refused(() -> complete().host("other.example.fi"), ErrorCode.INVALID_MAIL_CONFIGURATION, "host", "once");
        refused(() -> complete().credentials("tiketti", "salasana").oauth2("tiketti", () -> "token"),
                ErrorCode.INVALID_MAIL_CONFIGURATION, "oauth2", "cannot be combined with credentials");
        refused(() -> complete().credentials("tiketti", "a").credentials("tiketti", "b"),
                ErrorCode.INVALID_MAIL_CONFIGURATION, "credentials", "once");
        refused(() -> complete().teamFrom(MailWorld.HR, "hr@example.fi", "HR").teamFrom(MailWorld.HR, "x@example.fi", ""),
                ErrorCode.INVALID_MAIL_CONFIGURATION, "team 'hr'", "set twice");
    }

    @Test
    @DisplayName("checks each value when it is set, without repeating an address")
    void valuesChecked() {
        refused(() -> SmtpTransport.builder().port(0), ErrorCode.INVALID_MAIL_CONFIGURATION, "port", "is 0");
        refused(() -> SmtpTransport.builder().port(65_536), ErrorCode.INVALID_MAIL_CONFIGURATION, "1 to 65535");
        refused(() -> SmtpTransport.builder().host("smtp.example.fi/x"), ErrorCode.INVALID_MAIL_CONFIGURATION, "host");
        refused(() -> SmtpTransport.builder().privacyNoticeUrl("ftp://example.fi/x"), ErrorCode.INVALID_MAIL_CONFIGURATION,
                "privacyNoticeUrl", "http(s)");
        refused(() -> SmtpTransport.builder().loopBrake(0, Duration.ofHours(3)), ErrorCode.INVALID_MAIL_CONFIGURATION,
                "loopBrake(0, PT3H)");
        refused(() -> SmtpTransport.builder().loopBrake(5, Duration.ZERO), ErrorCode.INVALID_MAIL_CONFIGURATION,
                "positive window");
        refused(() -> SmtpTransport.builder().timeouts(Duration.ofSeconds(-1), Duration.ofSeconds(5)),
                ErrorCode.INVALID_MAIL_CONFIGURATION, "timeouts");
        for (String bad : List.of("Tuki <tuki@example.fi>", "tuki@example.fi, eve@example.com", "tuki@example.fi\r\nBcc: x@y.fi",
                "tuki", "tuki @example.fi")) {
            assertThatThrownBy(() -> SmtpTransport.builder().defaultFrom(bad, "Tuki"))
                    .isInstanceOfSatisfying(TicketingException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_MAIL_ADDRESS);
                        assertThat(e.getMessage()).contains("defaultFrom").doesNotContain("tuki");
                    });
        }
        refused(() -> SmtpTransport.builder().ownAddresses(List.of("kirjaamo@example.fi", "not an address")),
                ErrorCode.INVALID_MAIL_ADDRESS, "ownAddresses");
        refused(() -> SmtpTransport.builder().teamFrom(MailWorld.HR, "<hr@example.fi>", "HR"),
                ErrorCode.INVALID_MAIL_ADDRESS, "teamFrom(hr)");
    }

    @Test
    @DisplayName("refuses credentials over plain text to another host than the loopback")
    void noSecretsInClear() {
        assertThatThrownBy(() -> complete().security(SmtpSecurity.NONE).credentials("tiketti", "salasana").build())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.problems()).singleElement().asString().contains("smtp.example.fi", "STARTTLS")
                            .doesNotContain("salasana");
                });
        assertThat(SmtpTransport.builder().host("127.0.0.1").security(SmtpSecurity.NONE).credentials("t", "s")
                .defaultFrom("tuki@example.fi", "").messageIds(MailWorld.IDS).privacyNoticeUrl(MailWorld.PRIVACY)
                .build()).isNotNull();
    }

    @Test
    @DisplayName("requires STARTTLS by default, TLS from the first byte with TLS, XOAUTH2 with a token; default ports")
    void sessionProperties() {
        SmtpTransport starttls = complete().build();
        Properties p = starttls.sessionProperties();
        assertThat(p).containsEntry("mail.smtp.starttls.enable", "true").containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true").containsEntry("mail.smtp.localhost",
                        "tiketti.example.fi").doesNotContainKey("mail.smtp.auth");
        assertThat(starttls.toString()).isEqualTo("SmtpTransport[smtp.example.fi:587]");

        SmtpTransport tls = complete().security(SmtpSecurity.TLS).oauth2("tiketti@example.fi", () -> "token-1").build();
        assertThat(tls.sessionProperties()).containsEntry("mail.smtp.ssl.enable", "true")
                .containsEntry("mail.smtp.auth", "true").containsEntry("mail.smtp.auth.mechanisms", "XOAUTH2")
                .doesNotContainKey("mail.smtp.starttls.enable");
        assertThat(tls.toString()).isEqualTo("SmtpTransport[smtp.example.fi:465]").doesNotContain("token");

        SmtpTransport plain = complete().security(SmtpSecurity.NONE).port(2525)
                .timeouts(Duration.ofSeconds(3), Duration.ofSeconds(7)).build();
        assertThat(plain.sessionProperties()).doesNotContainKeys("mail.smtp.starttls.enable", "mail.smtp.ssl.enable")
                .containsEntry("mail.smtp.connectiontimeout", "3000").containsEntry("mail.smtp.timeout", "7000");
        assertThat(plain.toString()).endsWith(":2525]");
    }
}
