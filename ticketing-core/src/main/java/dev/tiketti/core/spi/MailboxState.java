package dev.tiketti.core.spi;

import dev.tiketti.core.common.Require;
import java.time.Instant;

/**
 * What a mail poller remembers of one mailbox: the IMAP UIDVALIDITY it last saw and the highest
 * UID it has processed, so the next poll fetches only newer messages and notices when the server
 * renumbered the mailbox (a changed UIDVALIDITY invalidates every UID).
 *
 * @param mailbox    the mailbox's name, e.g. {@code hr@example.fi/INBOX} (at most
 *                   {@link #MAX_MAILBOX_LENGTH} characters, compared exactly)
 * @param uidValidity the mailbox's UIDVALIDITY, a non-zero unsigned 32-bit number
 * @param highestUid the highest UID processed, 0 before the first message
 * @since 0.1
 */
public record MailboxState(String mailbox, long uidValidity, long highestUid, Instant updatedAt) {

    /** The longest mailbox name a store must keep. */
    public static final int MAX_MAILBOX_LENGTH = 400;

    /** The largest UID or UIDVALIDITY: IMAP's are unsigned 32-bit numbers. */
    public static final long MAX_UID = 0xFFFF_FFFFL;

    public MailboxState {
        mailbox = mailbox(mailbox);
        Require.argument(uidValidity >= 1 && uidValidity <= MAX_UID,
                () -> StoreProblems.mailUidValidity(uidValidity));
        Require.argument(highestUid >= 0 && highestUid <= MAX_UID,
                () -> StoreProblems.mailHighestUid(highestUid));
        Require.nonNull(updatedAt, "updated at");
    }

    /** A mailbox name as stores accept it: not blank, at most {@link #MAX_MAILBOX_LENGTH} characters. */
    static String mailbox(String mailbox) {
        Require.notBlank(mailbox, "mailbox");
        Require.argument(mailbox.length() <= MAX_MAILBOX_LENGTH, () -> StoreProblems.mailboxTooLong(mailbox.length()));
        return mailbox;
    }
}
