package dev.tiketti.core.common;

/**
 * The ticket changed since the caller read it; nothing was written. Reload and retry.
 *
 * @since 0.1
 */
public class ConcurrentUpdateException extends TicketingException {
    private static final long serialVersionUID = 1L;

    public ConcurrentUpdateException(String message) {
        super(ErrorCode.CONCURRENT_UPDATE, message);
    }

    /** With the storage's own exception (a deadlock, a serialisation failure) as the cause. */
    public ConcurrentUpdateException(String message, Throwable cause) {
        super(ErrorCode.CONCURRENT_UPDATE, message, cause);
    }
}
