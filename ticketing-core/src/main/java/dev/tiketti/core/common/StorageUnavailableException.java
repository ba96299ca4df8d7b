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

    /**
     * With a more specific retryable code than {@code STORAGE_UNAVAILABLE}, for an adapter whose
     * remote part is not a store (an SMTP server: {@code MAIL_SERVER_UNAVAILABLE}), so that callers
     * that retry on this type keep doing so.
     *
     * @throws IllegalStateException if {@code code} is not retryable (a bug in the adapter)
     * @since 0.1
     */
    public StorageUnavailableException(ErrorCode code, String message, Throwable cause) {
        super(requireRetryable(code), message, cause);
    }

    private static ErrorCode requireRetryable(ErrorCode code) {
        if (!java.util.Objects.requireNonNull(code, "code").retryable()) {
            throw new IllegalStateException(code + " is not retryable: a bug in the adapter that passes it");
        }
        return code;
    }
}
