package dev.tiketti.core.common;

import java.util.Objects;

/**
 * Root of every exception Tiketti throws; carries a stable {@link ErrorCode}.
 * Messages name the problem, the offending value (ids, never personal data) and the fix.
 *
 * @since 0.1
 */
public class TicketingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public TicketingException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public TicketingException(ErrorCode code, String message, Throwable cause) {
        super("[" + Objects.requireNonNull(code, "code").id() + "] " + message, cause);
        this.code = code;
    }

    /** The stable code of this problem. */
    public ErrorCode code() {
        return code;
    }

    /** Whether the same call may succeed if repeated (after reloading, for concurrent updates). */
    public boolean retryable() {
        return code.retryable();
    }
}
