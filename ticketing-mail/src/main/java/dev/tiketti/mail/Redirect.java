package dev.tiketti.mail;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.privacy.Language;
import java.util.Locale;
import java.util.Optional;

/**
 * An automatic answer to a mail that is not ours to handle (R6): "write to … instead", for
 * {@link SmtpTransport#sendRedirect}. It belongs to no ticket.
 *
 * @param to        the sender of the mail being answered
 * @param language  the language to answer in
 * @param writeTo   where to write instead (an address or a web form's URL), shown in the text
 * @param subject   the subject of the mail being answered (the template may quote it)
 * @param inReplyTo the Message-ID of the mail being answered, with its brackets, if it had one
 * @since 0.1
 */
public record Redirect(String to, Language language, String writeTo, String subject, Optional<String> inReplyTo) {
    public Redirect {
        to = Require.notBlank(to, "to").strip().toLowerCase(Locale.ROOT);
        Require.nonNull(language, "language");
        Require.notBlank(writeTo, "writeTo");
        Require.nonNull(subject, "subject");
        Require.nonNull(inReplyTo, "inReplyTo");
    }

    /** Never the addresses or the subject. */
    @Override
    public String toString() {
        return "Redirect[" + language + "]";
    }
}
