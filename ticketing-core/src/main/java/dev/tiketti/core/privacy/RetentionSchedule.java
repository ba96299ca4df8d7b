package dev.tiketti.core.privacy;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.common.Require;

/**
 * How long closed tickets of one type are kept (R8): a sweep deletes or anonymises those closed
 * (last changed) more than {@code months} months ago.
 *
 * @since 0.1
 */
public record RetentionSchedule(String typeId, int months, ErasureAction action) {
    public RetentionSchedule {
        Require.name(typeId, "ticket type id");
        Require.nonNull(action, "action");
        if (months < 1) {
            throw new TicketingException(ErrorCode.INVALID_RETENTION, "The retention period of type '" + typeId
                    + "' must be at least 1 month, was " + months + ". Give the number of months to keep closed tickets.");
        }
        if (action == ErasureAction.RETAIN) {
            throw new TicketingException(ErrorCode.INVALID_RETENTION, "A retention schedule for type '" + typeId
                    + "' must DELETE or ANONYMISE; leave the type without a schedule to keep its tickets.");
        }
    }
}
