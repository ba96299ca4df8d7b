package dev.tiketti.mail;

import dev.tiketti.core.common.Require;
import java.util.List;

/**
 * What one {@link MailChannel#pollOnce} pass over a mailbox did: the result of each mail fetched, in
 * UID order, and the highest UID it flagged.
 *
 * @param batches    how many batches (one FETCH and one STORE each) the pass took
 * @param highestUid the highest UID handled so far in this mailbox (0 if none)
 * @since 0.1
 */
public record PollResult(String mailbox, List<IngestResult> results, int batches, long highestUid) {
    public PollResult {
        Require.notBlank(mailbox, "mailbox");
        results = Require.listOf(results, "results");
    }

    /** How many mails the pass handled. */
    public int fetched() {
        return results.size();
    }

    /** How many results are of {@code type}, e.g. {@code count(IngestResult.Opened.class)}. */
    public long count(Class<? extends IngestResult> type) {
        return results.stream().filter(type::isInstance).count();
    }
}
