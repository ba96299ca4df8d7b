package dev.tiketti.core.common;

/**
 * A store could not be reached or failed transiently; nothing was applied. Retry later.
 *
 * @since 0.1
 */
public class StorageUnavailableException extends TicketingException {
    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message) {
        super(ErrorCode.STORAGE_UNAVAILABLE, message);
    }

    /** With the storage's own exception (a refused connection, a timeout) as the cause. */
    public StorageUnavailableException(String message, Throwable cause) {
        super(ErrorCode.STORAGE_UNAVAILABLE, message, cause);
    }
}
