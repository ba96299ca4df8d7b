package dev.tiketti.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.privacy.Language;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Mail templates")
class MailTemplatesTest {
    private static final MailTemplates STANDARD = MailTemplates.standard();

    @Test
    @DisplayName("the standard set has every kind in fi, sv and en, each mail to customers linking the privacy notice")
    void standardSetIsComplete() {
        for (TemplateKind kind : TemplateKind.values()) {
            for (Language language : Language.values()) {
                MailTemplate t = STANDARD.get(kind, language);
                assertThat(t.subject()).as("%s %s", kind, language).doesNotContain("\n");
                if (kind.customerFacing()) {
                    assertThat(t.body()).as("%s %s", kind, language).contains("{privacyNoticeUrl}");
                }
            }
        }
        assertThat(STANDARD.get(TemplateKind.ACKNOWLEDGEMENT, Language.FI).body()).contains("tunnus on {key}");
        assertThat(STANDARD.get(TemplateKind.ACKNOWLEDGEMENT, Language.SV).body()).contains("nummer {key}");
        assertThat(STANDARD.get(TemplateKind.REDIRECT, Language.EN).body()).contains("write to {writeTo}");
        assertThat(MailTemplates.resource(TemplateKind.CONSENT_REQUEST, Language.SV))
                .isEqualTo("dev/tiketti/mail/templates/consent_request_sv.txt");
    }

    @Test
    @DisplayName("a host replaces one kind in one language and keeps the others")
    void override() {
        MailTemplate own = new MailTemplate("Vastaus: {subject}", "{body}\n\nTerveisin HR\n{privacyNoticeUrl}\n");
        MailTemplates templates = STANDARD.with(TemplateKind.REPLY, Language.FI, own);

        assertThat(templates.get(TemplateKind.REPLY, Language.FI)).isEqualTo(own);
        assertThat(templates.get(TemplateKind.REPLY, Language.SV)).isEqualTo(STANDARD.get(TemplateKind.REPLY, Language.SV));
        assertThat(STANDARD.get(TemplateKind.REPLY, Language.FI)).as("immutable").isNotEqualTo(own);
    }

    @Test
    @DisplayName("refuses a template that lacks what its kind needs or uses unknown placeholders, listing each problem")
    void unsuitableTemplate() {
        assertThatThrownBy(() -> STANDARD.with(TemplateKind.REPLY, Language.SV,
                new MailTemplate("Svar {writeTo}", "Hej {name}")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_MAIL_TEMPLATE);
                    assertThat(e.getMessage()).contains("REPLY mail template in sv");
                    assertThat(e.problems()).hasSize(3);
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("[name, writeTo]"))
                            .anySatisfy(p -> assertThat(p).contains("{body}"))
                            .anySatisfy(p -> assertThat(p).contains("{privacyNoticeUrl}", "R8"));
                });
        assertThatThrownBy(() -> STANDARD.with(TemplateKind.ACKNOWLEDGEMENT, Language.EN,
                new MailTemplate("Thanks", "Got it. {privacyNoticeUrl}")))
                .hasMessageContaining("{key}");
    }

    @Test
    @DisplayName("reads the resource format and refuses text without a subject line")
    void resourceFormat() {
        MailTemplate t = MailTemplate.parse("\uFEFFSubject: Hei {key}\r\n\r\nRivi 1\r\nRivi 2\r\n", "own/test.txt");
        assertThat(t).isEqualTo(new MailTemplate("Hei {key}", "Rivi 1\nRivi 2\n"));

        for (String bad : new String[] {"Hei\n\nteksti", "Subject: Hei\nteksti", "Subject: \n\nteksti", "Subject: Hei\n\n "}) {
            assertThatThrownBy(() -> MailTemplate.parse(bad, "own/bad.txt"))
                    .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_MAIL_TEMPLATE);
                        assertThat(e.getMessage()).contains("own/bad.txt", "Subject: ");
                    });
        }
        assertThatThrownBy(() -> MailTemplate.fromResource(getClass().getClassLoader(), "no/such/template.txt"))
                .hasMessageContaining("no/such/template.txt").hasMessageContaining("no such resource");
    }

    @Test
    @DisplayName("fills placeholders in one pass: a value that looks like a placeholder stays literal")
    void onePass() {
        MailTemplate t = STANDARD.get(TemplateKind.REPLY, Language.EN);
        String body = t.bodyWith(Map.of("body", "I typed {privacyNoticeUrl} and {key}", "key", "HR-7",
                "privacyNoticeUrl", "https://example.fi/p"));

        assertThat(body).startsWith("I typed {privacyNoticeUrl} and {key}\n").contains("case HR-7",
                "personal data: https://example.fi/p");
    }
}
