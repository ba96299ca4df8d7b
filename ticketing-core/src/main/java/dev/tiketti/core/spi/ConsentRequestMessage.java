package dev.tiketti.core.spi;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.privacy.ConsentRequestId;
import dev.tiketti.core.privacy.Language;
import dev.tiketti.core.privacy.PurposeId;
import java.util.Locale;

/**
 * A mail asking a person for contact details and consent (R8), for
 * {@link OutboundTransport#send(ConsentRequestMessage)}. Unlike {@link OutboundMessage} it belongs
 * to no ticket, and it may go to an address that is not in the register yet.
 *
 * @param to the one address to send to
 * @param token the reply token, already in the subject or body; a transport may also put it where
 *        replies keep it (e.g. a {@code Reply-To} of {@code consent+<token>@example.fi})
 * @param language the language of the registered contact asked; {@link Language#FI} for an address
 *        not in the register
 * @since 0.1
 */
public record ConsentRequestMessage(ConsentRequestId requestId, PurposeId purpose, String to, String subject,
                                    String body, String token, Language language) {
    public ConsentRequestMessage {
        Require.nonNull(requestId, "requestId");
        Require.nonNull(purpose, "purpose");
        to = Require.notBlank(to, "to").strip().toLowerCase(Locale.ROOT);
        Require.notBlank(subject, "subject");
        Require.notBlank(body, "body");
        Require.notBlank(token, "token");
        Require.nonNull(language, "language");
    }

    /** In {@link Language#FI}, the register's default. */
    public ConsentRequestMessage(ConsentRequestId requestId, PurposeId purpose, String to, String subject,
                                 String body, String token) {
        this(requestId, purpose, to, subject, body, token, Language.FI);
    }

    /** Never the address, text or token. */
    @Override
    public String toString() {
        return "ConsentRequestMessage[" + requestId + ", " + purpose + "]";
    }
}
