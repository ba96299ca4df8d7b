package dev.tiketti.core;

/**
 * Stable identifiers of every problem Tiketti reports; each has an anchor in
 * {@code docs/reference/errors.md}, so hosts can branch on a code and link to its fix.
 *
 * @since 0.1
 */
public enum ErrorCode {
    /** A required argument was null or blank. */
    ARGUMENT_MISSING("TKT-0001", false),
    /** An argument had a value outside what is allowed. */
    ARGUMENT_INVALID("TKT-0002", false),
    /** No ticket with the given id or key. */
    TICKET_NOT_FOUND("TKT-0101", false),
    /** No ticket type with the given id. */
    TICKET_TYPE_NOT_FOUND("TKT-0102", false),
    /** No workflow definition with the given id or version. */
    WORKFLOW_NOT_FOUND("TKT-0103", false),
    /** No contact with the given id. */
    CONTACT_NOT_FOUND("TKT-0104", false),
    /** No attachment with the given reference. */
    ATTACHMENT_NOT_FOUND("TKT-0105", false),
    /** The ticket was changed by someone else since it was read. */
    CONCURRENT_UPDATE("TKT-0201", true),
    /** An entity with the same id or key already exists. */
    DUPLICATE("TKT-0202", false),
    /** The transition is not defined for the ticket's current state. */
    UNKNOWN_TRANSITION("TKT-0301", false),
    /** One or more guards of the transition said no. */
    TRANSITION_DENIED("TKT-0302", false),
    /** A state name used by a request does not exist in the workflow. */
    UNKNOWN_STATE("TKT-0303", false),
    /** Custom field values broke the type's constraints. */
    VALIDATION_FAILED("TKT-0401", false),
    /** A workflow definition is structurally invalid. */
    INVALID_WORKFLOW("TKT-0501", false),
    /** A JSON document could not be read as a definition. */
    MALFORMED_DEFINITION("TKT-0502", false),
    /** The builder's configuration is incomplete or contradictory. */
    INVALID_CONFIGURATION("TKT-0503", false),
    /** A ticket type is invalid (fields, workflow reference). */
    INVALID_TICKET_TYPE("TKT-0504", false),
    /** An optional library needed for the requested feature is missing. */
    MISSING_DEPENDENCY("TKT-0505", false),
    /** The storage could not be reached or failed transiently. */
    STORAGE_UNAVAILABLE("TKT-0601", true),
    /** A timer service option is invalid (lease, interval, handler, owner id). */
    INVALID_TIMER_CONFIGURATION("TKT-0730", false),
    /** A timer service was used in the wrong phase of its life (started twice, used after close). */
    TIMER_SERVICE_LIFECYCLE("TKT-0731", false);

    private final String id;
    private final boolean retryable;

    ErrorCode(String id, boolean retryable) {
        this.id = id;
        this.retryable = retryable;
    }

    /** The stable, documented identifier, e.g. {@code TKT-0201}. */
    public String id() {
        return id;
    }

    /** Whether repeating the same call later (after a reload, for concurrent updates) may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
