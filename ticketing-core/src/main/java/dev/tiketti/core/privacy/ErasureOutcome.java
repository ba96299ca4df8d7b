package dev.tiketti.core.privacy;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.Require;

/**
 * What erasure (or a retention sweep) did with one item. Carries ids and bases only.
 *
 * @since 0.1
 */
public sealed interface ErasureOutcome {

    /** The item was removed. */
    record Deleted() implements ErasureOutcome {
    }

    /** The person's data in the item was overwritten or removed; the item stays. */
    record Anonymised() implements ErasureOutcome {
    }

    /** The item was kept as it is, on a legal basis, until a day (or while the basis lasts). */
    record Retained(Retention retention) implements ErasureOutcome {
        public Retained {
            Require.nonNull(retention, "retention");
        }
    }

    /** An open ticket was handed over to a substitute contact. */
    record Moved(ContactId to) implements ErasureOutcome {
        public Moved {
            Require.nonNull(to, "substitute");
        }
    }

    /** The contact was marked inactive. */
    record Deactivated() implements ErasureOutcome {
    }
}
