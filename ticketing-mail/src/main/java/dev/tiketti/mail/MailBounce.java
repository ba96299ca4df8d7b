package dev.tiketti.mail;

import dev.tiketti.core.common.Require;
import java.util.List;
import java.util.Optional;

/**
 * What a delivery status notification says about the mail that bounced: who could not be reached
 * and, when the report returned the original headers, that mail's Message-ID, so the caller can
 * thread the bounce to the ticket whose reply bounced.
 *
 * @param failedRecipients   addresses whose delivery failed ({@code Action: failed}, or every
 *                           {@code Final-Recipient} when no action is given), domain lower-cased
 * @param originalMessageId  Message-ID of the returned mail, without angle brackets
 * @since 0.1
 */
public record MailBounce(List<String> failedRecipients, Optional<String> originalMessageId) {
    public MailBounce {
        failedRecipients = Require.listOf(failedRecipients, "failedRecipients");
        Require.nonNull(originalMessageId, "originalMessageId");
    }
}
