package dev.tiketti.core;

import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import java.util.function.Function;

/** A planted throw site with its message inline, for {@link MessageRulesCanFailTest}; not a pattern to follow. */
final class PlantedInlineThrow {
    private PlantedInlineThrow() {
    }

    static void check(int limit) {
        if (limit < 1) {
            throw new TicketingException(ErrorCode.INVALID_QUERY, "limit must be at least 1");
        }
    }

    static Function<String, ConcurrentUpdateException> conflicts() {
        return ConcurrentUpdateException::new;
    }
}
