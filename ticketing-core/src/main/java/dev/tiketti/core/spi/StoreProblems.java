package dev.tiketti.core.spi;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.NotFoundException;

/**
 * The problems a store adapter reports to core, worded once so that every adapter (in memory, JPA,
 * a host's own) gives the same code and message for the same fault.
 *
 * @since 0.1
 */
public final class StoreProblems {
    private StoreProblems() {
    }

    /** {@code TICKET_NOT_FOUND}: no ticket has this id or key (e.g. an update of an erased ticket). */
    public static NotFoundException ticketNotFound(Object idOrKey) {
        return new NotFoundException(ErrorCode.TICKET_NOT_FOUND, "No ticket " + idOrKey
                + " exists. Check the id or key (e.g. HR-1042); tickets are never deleted except by erasure.");
    }
}
