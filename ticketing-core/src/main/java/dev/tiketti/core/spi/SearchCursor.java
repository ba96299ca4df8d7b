package dev.tiketti.core.spi;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.search.SearchSort;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The keyset position after the last hit of a page, as the opaque {@code after}/{@code next}
 * string of a search: the sort, the hit's sort value and its ticket key (the tie-breaker). The next
 * page holds the hits that sort strictly after this position, so tickets indexed meanwhile never
 * shift a key- or date-sorted page (under relevance, scores may change as the index grows).
 * Adapters may use it or write their own cursors; they must reject cursors of another sort.
 *
 * @param value the hit's sort value: epoch milliseconds for dates ({@link Long#MAX_VALUE} for no SLA
 *              due), {@link Float#floatToIntBits} of the score for relevance, 0 for key
 * @since 0.1
 */
public record SearchCursor(SearchSort sort, long value, TicketKey key) {
    private static final String FORMAT = "c1";

    public SearchCursor {
        Require.nonNull(sort, "sort");
        Require.nonNull(key, "key");
    }

    /** The opaque text form. */
    public String encode() {
        String plain = FORMAT + "|" + sort.field() + "|" + (sort.descending() ? "D" : "A") + "|" + value + "|"
                + key.number() + "|" + key.prefix();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes {@code text} made for {@code sort}; fails with {@code SEARCH_CURSOR_INVALID} otherwise. */
    public static SearchCursor decode(String text, SearchSort sort) {
        Require.nonNull(text, "cursor");
        Require.nonNull(sort, "sort");
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8).split("\\|", 6);
            if (p.length != 6 || !p[0].equals(FORMAT) || !p[1].equals(sort.field().name())
                    || !p[2].equals(sort.descending() ? "D" : "A")) {
                throw StoreProblems.searchCursorInvalid(sort);
            }
            return new SearchCursor(sort, Long.parseLong(p[3]), new TicketKey(p[5], Long.parseLong(p[4])));
        } catch (IllegalArgumentException e) {
            // Base64, number or key: any malformed part is the same fault for the caller
            throw StoreProblems.searchCursorInvalid(sort);
        } catch (dev.tiketti.core.common.TicketingException e) {
            if (e.code() == dev.tiketti.core.common.ErrorCode.SEARCH_CURSOR_INVALID) {
                throw e;
            }
            throw StoreProblems.searchCursorInvalid(sort);
        }
    }

    /** The score this cursor holds, for relevance. */
    public float score() {
        return Float.intBitsToFloat((int) value);
    }

    /** The sort value of a date (epoch milliseconds). */
    public static long dateValue(java.time.Instant at) {
        return at.toEpochMilli();
    }
}
