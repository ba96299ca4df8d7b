package dev.tiketti.core.spi;

import dev.tiketti.core.common.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * How delivering one {@link OutboxEntry} to one recipient has gone so far: a listener, named by its
 * {@link EventListener#name()}, or the outbound transport (recipient {@code outbound-transport}).
 * Core writes these through {@link OutboxStore#reschedule} when a delivery round did not finish, and
 * reads them back with the entry, so that a recipient that took the entry never gets it again and a
 * failing one is retried alone.
 *
 * <p>The error is recorded as the exception's class and, for a {@code TicketingException}, its
 * {@code ErrorCode} id — never the exception's message, which may quote personal data.
 *
 * @param recipient     the listener's name, or {@code outbound-transport}; at most {@value #MAX_RECIPIENT} characters
 * @param status        what to do with this recipient on the next round
 * @param failures      how many attempts threw so far (0 for a dead delivery put back by {@link OutboxStore#retryDead})
 * @param errorClass    the class of the last exception, at most {@value #MAX_ERROR_CLASS} characters; empty if none
 * @param errorCode     the {@code ErrorCode} id of the last exception (e.g. {@code TKT-0601}), if it had one
 * @param firstFailedAt when the first failed attempt ran, on core's clock; empty if none failed
 * @param lastFailedAt  when the last failed attempt ran, on core's clock; empty if none failed
 * @since 0.1
 */
public record OutboxDelivery(String recipient, Status status, int failures, Optional<String> errorClass,
                             Optional<String> errorCode, Optional<Instant> firstFailedAt,
                             Optional<Instant> lastFailedAt) {

    /** The longest recipient name a store must keep. */
    public static final int MAX_RECIPIENT = 200;
    /** The longest exception class name a store must keep. */
    public static final int MAX_ERROR_CLASS = 300;
    /** The longest error code a store must keep. */
    public static final int MAX_ERROR_CODE = 40;

    /**
     * Where one recipient's delivery of an entry stands.
     *
     * @since 0.1
     */
    public enum Status {
        /** The recipient took the entry: never hand it to this recipient again. */
        DONE,
        /** The last attempt threw: try again once the entry's back-off has passed. */
        FAILING,
        /** Given up after the last allowed attempt: not tried again until retried by hand. */
        DEAD
    }

    public OutboxDelivery {
        Require.notBlank(recipient, "recipient");
        Require.nonNull(status, "status");
        Require.nonNull(errorClass, "errorClass");
        Require.nonNull(errorCode, "errorCode");
        Require.nonNull(firstFailedAt, "firstFailedAt");
        Require.nonNull(lastFailedAt, "lastFailedAt");
        Require.argument(recipient.length() <= MAX_RECIPIENT,
                () -> StoreProblems.outboxRecipientTooLong(recipient.length()));
        Require.argument(failures >= 0 && (status != Status.DEAD || failures >= 1),
                () -> StoreProblems.outboxDeliveryFailures(recipient, status.name(), failures));
        Require.argument(status == Status.DONE || errorClass.isPresent() && firstFailedAt.isPresent()
                        && lastFailedAt.isPresent(),
                () -> StoreProblems.outboxDeliveryWithoutError(recipient, status.name()));
        Require.argument(errorClass.map(c -> !c.isBlank() && c.length() <= MAX_ERROR_CLASS).orElse(true)
                        && errorCode.map(c -> !c.isBlank() && c.length() <= MAX_ERROR_CODE).orElse(true),
                () -> StoreProblems.outboxDeliveryError(recipient));
        Require.argument(firstFailedAt.isEmpty() || lastFailedAt.isEmpty()
                        || !lastFailedAt.get().isBefore(firstFailedAt.get()),
                () -> StoreProblems.outboxDeliveryTimes(recipient));
    }

    /** A recipient that took the entry. */
    public static OutboxDelivery done(String recipient) {
        return new OutboxDelivery(recipient, Status.DONE, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** A recipient whose attempts threw {@code failures} times, the first at {@code first}, the last at {@code last}. */
    public static OutboxDelivery failing(String recipient, int failures, String errorClass, Optional<String> errorCode,
                                         Instant first, Instant last) {
        return new OutboxDelivery(recipient, Status.FAILING, failures, Optional.of(errorClass), errorCode,
                Optional.of(first), Optional.of(last));
    }

    /** This delivery given up: {@link Status#DEAD}, with its failures and error kept. */
    public OutboxDelivery dead() {
        return new OutboxDelivery(recipient, Status.DEAD, failures, errorClass, errorCode, firstFailedAt, lastFailedAt);
    }

    /**
     * This dead delivery put back to be tried again ({@link OutboxStore#retryDead}): {@link Status#FAILING}
     * with 0 failures, so it gets every attempt again; its last error and times are kept.
     */
    public OutboxDelivery retried() {
        return new OutboxDelivery(recipient, Status.FAILING, 0, errorClass, errorCode, firstFailedAt, lastFailedAt);
    }

    /** This delivery given up for good ({@link OutboxStore#discardDead}): {@link Status#DONE}, error kept. */
    public OutboxDelivery discarded() {
        return new OutboxDelivery(recipient, Status.DONE, failures, errorClass, errorCode, firstFailedAt, lastFailedAt);
    }

    /** Whether this delivery is {@link Status#DEAD}. */
    public boolean isDead() {
        return status == Status.DEAD;
    }
}
