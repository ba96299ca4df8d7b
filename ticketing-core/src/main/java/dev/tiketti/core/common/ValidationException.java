package dev.tiketti.core.common;

import java.util.List;

/**
 * Field values broke the ticket type's constraints; nothing was stored.
 * {@link #violations()} lists every violation. The message names fields and rules only;
 * rejected values (which may be personal data) are available from the violations alone.
 *
 * @since 0.1
 */
public class ValidationException extends TicketingException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldViolation> violations;

    public ValidationException(ErrorCode code, String context, List<FieldViolation> violations) {
        super(code, CommonMessages.violations(context, violations));
        this.violations = List.copyOf(violations);
    }

    /** With the exception that revealed the violations (e.g. a parser's) as the cause. */
    public ValidationException(ErrorCode code, String context, List<FieldViolation> violations, Throwable cause) {
        super(code, CommonMessages.violations(context, violations), cause);
        this.violations = List.copyOf(violations);
    }

    /** Every violation found, in field declaration order. */
    public List<FieldViolation> violations() {
        return violations;
    }
}
