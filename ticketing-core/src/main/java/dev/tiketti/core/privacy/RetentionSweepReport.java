package dev.tiketti.core.privacy;

import dev.tiketti.core.common.Require;
import java.time.Instant;
import java.util.List;

/**
 * What one retention sweep did: for each ticket it deleted or anonymised a line (store
 * {@code TICKETS} or {@code ATTACHMENTS}, the ticket key or digest, the outcome). Ids only. A sweep
 * that finds nothing more to do reports no lines.
 *
 * @since 0.1
 */
public record RetentionSweepReport(Instant at, List<ErasureItem> items) {
    public RetentionSweepReport {
        Require.nonNull(at, "at");
        items = Require.listOf(items, "items");
    }
}
