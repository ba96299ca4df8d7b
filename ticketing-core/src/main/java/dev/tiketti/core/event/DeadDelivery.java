package dev.tiketti.core.event;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;
import java.time.Instant;
import java.util.Optional;

/**
 * An event or message whose delivery to one listener (or to the outbound transport) was given up
 * after the last allowed attempt, from {@link Events#dead()}: it stays in the outbox, parked, until
 * {@link Events#retry(String)} puts it back or {@link Events#discard(String)} gives it up for good.
 * The other listeners got the event when it happened; only this one is missing it.
 *
 * <p>Ids, codes and class names only: neither the event's content nor the exception's message, which
 * may carry personal data. The exception itself was logged with each failed attempt.
 *
 * @param id             the delivery id ({@link EventDelivery#id()}) to retry or discard it by
 * @param type           what it holds, e.g. {@code ticket.TicketTransitioned}, {@code privacy.ContactErased} or {@code message}
 * @param ticketId       the ticket it concerns, if any
 * @param recipient      the listener's name ({@code EventListener.name()}), or {@code outbound-transport} for a message
 * @param attempts       how many attempts to deliver it to this recipient failed
 * @param errorClass     the class of the last attempt's exception
 * @param errorCode      that exception's {@code ErrorCode} id (e.g. {@code TKT-0601}), if it was a Tiketti exception
 * @param firstAttemptAt when the first failed attempt ran
 * @param lastAttemptAt  when the last failed attempt ran
 * @since 0.1
 */
public record DeadDelivery(String id, String type, Optional<TicketId> ticketId, String recipient, int attempts,
                           String errorClass, Optional<String> errorCode, Instant firstAttemptAt,
                           Instant lastAttemptAt) {
    public DeadDelivery {
        Require.notBlank(id, "delivery id");
        Require.notBlank(type, "type");
        Require.nonNull(ticketId, "ticketId");
        Require.notBlank(recipient, "recipient");
        Require.argument(attempts >= 1, () -> EventMessages.deadAttemptsBelowOne(id, attempts));
        Require.notBlank(errorClass, "errorClass");
        Require.nonNull(errorCode, "errorCode");
        Require.nonNull(firstAttemptAt, "firstAttemptAt");
        Require.nonNull(lastAttemptAt, "lastAttemptAt");
        Require.argument(!lastAttemptAt.isBefore(firstAttemptAt), () -> EventMessages.deadAttemptTimes(id));
    }
}
