package dev.tiketti.core.privacy;

import dev.tiketti.core.common.Require;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record of one erasure (R8 accountability) and its journal entry: the request, whether the run
 * finished, and every item touched per store with what was done and why. Holds ids and counts
 * only, never the erased person's data, so it can be kept and shown after the erasure.
 *
 * @since 0.1
 */
public record ErasureReport(ErasureRequest request, Status status, Instant startedAt, Optional<Instant> completedAt,
                            List<ErasureItem> items) {

    /** Whether the run finished; a {@code PARTIAL} one is finished by running the request again. */
    public enum Status { PARTIAL, COMPLETED }

    public ErasureReport {
        Require.nonNull(request, "request");
        Require.nonNull(status, "status");
        Require.nonNull(startedAt, "startedAt");
        Require.nonNull(completedAt, "completedAt");
        items = Require.listOf(items, "items");
        Require.argument(completedAt.isPresent() == (status == Status.COMPLETED),
                () -> PrivacyMessages.reportCompletion(request.id(), status));
    }

    public ErasureId id() {
        return request.id();
    }

    /** How many items each store had touched. */
    public Map<ErasureItem.Store, Integer> counts() {
        Map<ErasureItem.Store, Integer> counts = new EnumMap<>(ErasureItem.Store.class);
        items.forEach(i -> counts.merge(i.store(), 1, Integer::sum));
        return counts;
    }

    /** The items kept on a legal basis. */
    public List<ErasureItem> retained() {
        return items.stream().filter(i -> i.outcome() instanceof ErasureOutcome.Retained).toList();
    }
}
