package dev.tiketti.core.event;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;

/** The messages of the event values; each names the value, the problem and the fix. Package-private: not API. */
final class EventMessages {
    private EventMessages() {
    }

    static TicketingException attemptBelowOne(String deliveryId, int attempt) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "Delivery attempts count from 1, was " + attempt
                + " for delivery " + deliveryId + ". Pass 1 for a first delivery, or the outbox entry's attempts.");
    }

    static TicketingException deadAttemptsBelowOne(String deliveryId, int attempts) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "A dead delivery failed at least once, was "
                + attempts + " attempts for delivery " + deliveryId + ". Pass the failed attempts of the recipient.");
    }

    static TicketingException deadAttemptTimes(String deliveryId) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "The last attempt of dead delivery " + deliveryId
                + " is before its first. Pass the first failed attempt's time, then the last one's.");
    }
}
