package dev.tiketti.core.common;

/**
 * A ticket, type, workflow, contact or attachment asked for by id does not exist.
 *
 * @since 0.1
 */
public class NotFoundException extends TicketingException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(ErrorCode code, String message) {
        super(code, message);
    }

    /** With the exception that revealed the absence (e.g. a store's own) as the cause. */
    public NotFoundException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
