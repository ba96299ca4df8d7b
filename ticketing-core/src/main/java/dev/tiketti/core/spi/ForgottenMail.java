package dev.tiketti.core.spi;

import dev.tiketti.core.common.Require;
import java.util.List;
import java.util.UUID;

/**
 * What {@link MailStore#forget} or {@link MailStore#purgeBefore} removed: the quarantined messages'
 * ids, the raw digests no remaining quarantined message refers to (delete those from the
 * {@link AttachmentStore}), and how many failure marks and automatic-mail records went. Ids,
 * digests and counts only, so it can go into an erasure report.
 *
 * @since 0.1
 */
public record ForgottenMail(List<UUID> quarantined, List<String> rawSha256s, int addressFailures, int brakeCounts) {

    public ForgottenMail {
        quarantined = Require.listOf(quarantined, "quarantined mail ids");
        rawSha256s = Require.listOf(rawSha256s, "raw message digests");
        Require.argument(addressFailures >= 0 && brakeCounts >= 0,
                () -> StoreProblems.mailForgottenCounts(addressFailures, brakeCounts));
    }

    /** Nothing removed. */
    public static ForgottenMail nothing() {
        return new ForgottenMail(List.of(), List.of(), 0, 0);
    }

    /** Whether nothing was removed. */
    public boolean isEmpty() {
        return quarantined.isEmpty() && rawSha256s.isEmpty() && addressFailures == 0 && brakeCounts == 0;
    }
}
