package dev.tiketti.core;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;

/** A planted catalogue that is public, for {@link MessageRulesCanFailTest}; catalogues are package-private. */
public final class PlantedMessages {
    private PlantedMessages() {
    }

    static TicketingException limit(int limit) {
        return new TicketingException(ErrorCode.INVALID_QUERY, "Limit " + limit + " is below 1: pass 1 or more.");
    }
}
