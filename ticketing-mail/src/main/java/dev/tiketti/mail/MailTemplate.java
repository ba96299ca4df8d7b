package dev.tiketti.mail;

import dev.tiketti.core.common.Require;
import dev.tiketti.mail.internal.SmtpProblems;
import dev.tiketti.mail.internal.Templating;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The subject and plain-text body of one kind of mail in one language, with {@code {placeholders}}
 * (see {@link TemplateKind}); {@link MailTemplates} checks each against its kind.
 *
 * <p>As a resource or file, a template is UTF-8 text: the first line {@code Subject: …}, an empty
 * line, then the body ({@link #parse}).
 *
 * @since 0.1
 */
public record MailTemplate(String subject, String body) {
    public MailTemplate {
        Require.notBlank(subject, "template subject");
        Require.notBlank(body, "template body");
        body = body.replace("\r\n", "\n");
    }

    /** A template in the resource format; fails with {@code INVALID_MAIL_TEMPLATE} naming {@code origin}. */
    public static MailTemplate parse(String text, String origin) {
        Require.nonNull(text, "template text");
        Require.nonNull(origin, "origin");
        String t = text.replace("\r\n", "\n");
        if (t.startsWith("\uFEFF")) {
            t = t.substring(1);
        }
        int end = t.indexOf("\n\n");
        if (!t.startsWith("Subject: ") || end < 0 || t.substring(0, end).contains("\n")
                || t.substring("Subject: ".length(), end).isBlank() || t.substring(end + 2).isBlank()) {
            throw SmtpProblems.templateUnreadable(origin, SmtpProblems.templateLayout());
        }
        return new MailTemplate(t.substring("Subject: ".length(), end).strip(), t.substring(end + 2));
    }

    /** A template read from a class-path resource of {@code loader}, e.g. {@code mail/reply_fi.txt}. */
    public static MailTemplate fromResource(ClassLoader loader, String resource) {
        Require.nonNull(loader, "loader");
        Require.notBlank(resource, "resource");
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw SmtpProblems.templateUnreadable(resource, SmtpProblems.templateMissing());
            }
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in.readAllBytes()))
                    .toString();
            return parse(text, resource);
        } catch (CharacterCodingException e) {
            throw SmtpProblems.templateUnreadable(resource, SmtpProblems.templateNotUtf8());
        } catch (IOException e) {
            throw SmtpProblems.templateUnreadable(resource, e.getClass().getSimpleName());
        }
    }

    /** The subject with the placeholders filled from {@code values} in one pass. */
    public String subjectWith(Map<String, String> values) {
        return Templating.fill(subject, values);
    }

    /** The body with the placeholders filled from {@code values} in one pass. */
    public String bodyWith(Map<String, String> values) {
        return Templating.fill(body, values);
    }
}
