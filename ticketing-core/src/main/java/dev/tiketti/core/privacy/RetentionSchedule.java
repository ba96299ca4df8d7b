package dev.tiketti.core.privacy;

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
            throw PrivacyMessages.scheduleTooShort(typeId, months);
        }
        if (action == ErasureAction.RETAIN) {
            throw PrivacyMessages.scheduleRetains(typeId);
        }
    }
}
