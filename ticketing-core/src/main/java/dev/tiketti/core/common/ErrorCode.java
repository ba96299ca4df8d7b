package dev.tiketti.core.common;

/**
 * Stable identifiers of every problem Tiketti reports; each has an anchor in
 * {@code docs/reference/errors.md}, so hosts can branch on a code and link to its fix.
 *
 * @since 0.1
 */
public enum ErrorCode {
    /** A required argument was null or blank. */
    ARGUMENT_MISSING("TKT-0001", false),
    // TKT-0002 (ARGUMENT_INVALID) was split into the codes 0003-0010, 0304, 0402 and 0821; never reuse it.
    /** A name or id does not have its documented form (a machine name, a UUID, a SHA-256 digest, a timer subject). */
    INVALID_IDENTIFIER("TKT-0003", false),
    /** A ticket key, its prefix or its number is not of the form {@code PREFIX-NUMBER} such as {@code HR-1042}. */
    MALFORMED_TICKET_KEY("TKT-0004", false),
    /** A classification segment contains the path separator {@code /}. */
    INVALID_CLASSIFICATION("TKT-0005", false),
    /** A duration, interval, lease, validity or count is zero, negative or too large. */
    INVALID_OPTION_VALUE("TKT-0006", false),
    /** A URL is not absolute, not http(s), or not a URI at all. */
    INVALID_URL("TKT-0007", false),
    /** A ticket query or search asks for something contradictory or out of range (limit, criteria). */
    INVALID_QUERY("TKT-0008", false),
    /** A value's parts contradict each other or a counter is out of range (canonical constructor misused, corrupt stored data). */
    INCONSISTENT_VALUE("TKT-0009", false),
    /** A period ends before it starts (contract validity, consent withdrawal, consent request expiry). */
    INVALID_PERIOD("TKT-0010", false),
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
    /** An expected version below 1, or above the version the ticket has: a version it never had. */
    IMPOSSIBLE_VERSION("TKT-0203", false),
    /** An idempotency key already recorded for a different change (another ticket, or an open where an entry was added). */
    IDEMPOTENCY_KEY_REUSED("TKT-0204", false),
    /** A change carries an idempotency key, but the storage keeps no record of keys ({@code IdempotencyStore}). */
    IDEMPOTENCY_UNSUPPORTED("TKT-0205", false),
    /** The transition is not defined for the ticket's current state. */
    UNKNOWN_TRANSITION("TKT-0301", false),
    /** One or more guards of the transition said no. */
    TRANSITION_DENIED("TKT-0302", false),
    /** A state name used by a request does not exist in the workflow. */
    UNKNOWN_STATE("TKT-0303", false),
    /** A query by state category meets a state name that carries different categories in different workflows. */
    AMBIGUOUS_STATE_CATEGORY("TKT-0304", false),
    /** Custom field values broke the type's constraints. */
    VALIDATION_FAILED("TKT-0401", false),
    /** A ticket was opened with attachments but without a body to carry them. */
    ATTACHMENT_WITHOUT_BODY("TKT-0402", false),
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
    /** The database schema does not match what the storage adapter needs (migrations not applied). */
    STORAGE_SCHEMA_MISMATCH("TKT-0610", false),
    /** The database refused a statement for a reason retrying will not fix. */
    STORAGE_FAILURE("TKT-0611", false),
    /** A unit of work was rolled back because work joined to it had failed. */
    TRANSACTION_ROLLED_BACK("TKT-0612", false),
    /** An outbox entry was written by a version of Tiketti that this one cannot read. */
    OUTBOX_ENTRY_UNREADABLE("TKT-0620", false),
    /** A business calendar is configured wrongly (intervals, closures, working days, options set twice). */
    INVALID_BUSINESS_CALENDAR("TKT-0700", false),
    /** A time zone id is not known to the JVM's time-zone database. */
    UNKNOWN_TIME_ZONE("TKT-0701", false),
    /** A business calendar has no working time, so a due instant would never come. */
    NO_WORKING_TIME("TKT-0702", false),
    /** A business duration is zero, negative or absurdly long. */
    INVALID_BUSINESS_DURATION("TKT-0703", false),
    /** An instant or a computed due instant lies outside the years a business calendar supports. */
    OUTSIDE_CALENDAR_RANGE("TKT-0704", false),
    /** An SLA policy or rule set is invalid (targets, thresholds, rules, fallback). */
    INVALID_SLA_POLICY("TKT-0710", false),
    /** An SLA policy names a business calendar that is not registered. */
    UNKNOWN_CALENDAR("TKT-0711", false),
    /** A JSON document could not be read as SLA policies. */
    MALFORMED_SLA_POLICY("TKT-0712", false),
    /** An SLA clock event was applied, or a clock read, at an instant before the last event it saw. */
    SLA_CLOCK_OUT_OF_ORDER("TKT-0713", false),
    /** A ticket's history or timeline cannot be replayed into SLA clocks (another ticket's entries, unknown states). */
    SLA_HISTORY_MISMATCH("TKT-0714", false),
    /** SLA clocks or timers were asked of a {@code Ticketing} built without SLA policies or reminder rules. */
    SLA_NOT_CONFIGURED("TKT-0715", false),
    /** A reminder rule is invalid (name, business time, scope) or two rules share a name. */
    INVALID_REMINDER_RULE("TKT-0716", false),
    /** A timer service option is invalid (lease, interval, handler, owner id). */
    INVALID_TIMER_CONFIGURATION("TKT-0730", false),
    /** A timer service was used in the wrong phase of its life (started twice, used after close). */
    TIMER_SERVICE_LIFECYCLE("TKT-0731", false),
    /** A redactor's options are invalid or contradictory. */
    INVALID_REDACTOR("TKT-0801", false),
    /** A consent names a processing purpose that is not registered. */
    UNKNOWN_CONSENT_PURPOSE("TKT-0802", false),
    /** A withdrawn consent was used as the legal basis for processing. */
    CONSENT_WITHDRAWN("TKT-0803", false),
    /** No legal basis is recorded for processing a contact's data for a purpose. */
    NO_LEGAL_BASIS("TKT-0804", false),
    /** No consent record with the given id. */
    CONSENT_NOT_FOUND("TKT-0805", false),
    /** No organisation with the given id. */
    ORGANIZATION_NOT_FOUND("TKT-0806", false),
    /** A substitute contact is the person themselves, inactive or unknown. */
    INVALID_SUBSTITUTE("TKT-0807", false),
    /** Open tickets must be handed over on erasure, but no usable substitute was named or found. */
    NO_SUBSTITUTE("TKT-0808", false),
    /** A retention period or schedule is invalid (fewer than one month, RETAIN as a sweep action). */
    INVALID_RETENTION("TKT-0809", false),
    /** An erasure policy is invalid (RETAIN without a basis, an option set twice, a bad token). */
    INVALID_ERASURE_POLICY("TKT-0810", false),
    /** An erasure run stopped midway; it is recorded as partial and finishes when run again. */
    ERASURE_INCOMPLETE("TKT-0811", true),
    /** A ticket rewrite tried to change what a rewrite may not (id, key, version, entry ids, sequences). */
    INVALID_TICKET_REWRITE("TKT-0812", false),
    /** No pending consent request has the given reply token (mistyped, or never issued). */
    CONSENT_REQUEST_NOT_FOUND("TKT-0813", false),
    /** The consent request's reply token has expired; send a new request. */
    CONSENT_REQUEST_EXPIRED("TKT-0814", false),
    /** The consent request was already answered; its token is single use. */
    CONSENT_REQUEST_ANSWERED("TKT-0815", false),
    /** A consent request cannot be made as asked (no address, inactive contact, bad text). */
    INVALID_CONSENT_REQUEST("TKT-0816", false),
    /** A consent request template is invalid (unknown placeholder, no reply token). */
    INVALID_CONSENT_REQUEST_TEMPLATE("TKT-0817", false),
    /** The answer to a consent request is incomplete or malformed (evidence, contact details). */
    INVALID_CONSENT_ANSWER("TKT-0818", false),
    /** The outbound transport failed to send a consent request; nothing was kept, try again. */
    CONSENT_REQUEST_NOT_SENT("TKT-0819", true),
    /** The outbound transport does not implement sending consent requests. */
    CONSENT_REQUESTS_UNSUPPORTED("TKT-0820", false),
    /** An e-mail address of a contact is not of the form {@code local@domain}. */
    INVALID_EMAIL_ADDRESS("TKT-0821", false),

    // 0900-0919: search (R3)
    /** A search or rebuild was asked for, but no search index is configured. */
    SEARCH_NOT_CONFIGURED("TKT-0900", false),
    /** A search's free text is malformed (an open quote or parenthesis, an operator without operand). */
    SEARCH_SYNTAX_INVALID("TKT-0901", false),
    /** A search's {@code after} cursor was not made by this index for this sort. */
    SEARCH_CURSOR_INVALID("TKT-0902", false),
    /** A search's filters contradict each other (a date range that ends before it starts, assignee and unassigned). */
    SEARCH_FILTER_INVALID("TKT-0903", false),
    /** The search index's storage failed (disk full, I/O error); the call changed nothing it reports. */
    SEARCH_INDEX_UNAVAILABLE("TKT-0904", true),
    /** The search index was used after it was closed. */
    SEARCH_INDEX_CLOSED("TKT-0905", false),
    /** The search index's directory is locked by another writer (another process or a second index on it). */
    SEARCH_INDEX_LOCKED("TKT-0906", false),
    /** A stored search document cannot be read back (written by another version); rebuild the index. */
    SEARCH_DOCUMENT_UNREADABLE("TKT-0907", false),

    // 1020-1039: outbound mail by SMTP (ticketing-mail)
    /** The SMTP server could not be reached, timed out or refused for now (4xx); the outbox tries again. */
    MAIL_SERVER_UNAVAILABLE("TKT-1020", true),
    /** The SMTP server refused the message or a recipient for good (5xx). */
    MAIL_DELIVERY_REFUSED("TKT-1021", false),
    /** An address to send to or from is malformed, or is not a bare {@code local@domain}. */
    INVALID_MAIL_ADDRESS("TKT-1022", false),
    /** No address is known for the recipient (a contact without e-mail, an unresolved agent or team). */
    MAIL_RECIPIENT_UNRESOLVED("TKT-1023", false),
    /** The SMTP transport's builder options are missing or contradictory. */
    INVALID_MAIL_CONFIGURATION("TKT-1024", false),
    /** A mail template is missing, unreadable or uses an unknown placeholder. */
    INVALID_MAIL_TEMPLATE("TKT-1025", false),
    /** The SMTP server refused our credentials or OAuth2 token. */
    MAIL_AUTHENTICATION_FAILED("TKT-1026", false),
    /** Automatic mail was held back by the loop brake (too many to one address, or to our own address). */
    MAIL_LOOP_BRAKED("TKT-1027", false),

    // 1000-1019: mail parsing (issue #13)
    /** A raw mail broke a parsing budget (size, depth, parts, headers, lines, HTML, links, time): quarantine it. */
    MAIL_REJECTED("TKT-1000", false),
    /** The stream a raw mail was read from failed before the mail was read whole. */
    MAIL_READ_FAILED("TKT-1001", true),
    /** A mail parser option ({@code MailLimits}, own addresses) is out of range or malformed. */
    INVALID_MAIL_OPTION("TKT-1002", false),
    // 1040-1059: receiving mail (ticketing-mail's MailChannel)
    /** The mail channel's builder options (or a mailbox's) are missing, malformed or contradictory. */
    INVALID_MAIL_CHANNEL("TKT-1040", false),
    /** A mail came from an address the register does not know and the channel may not register it: quarantined. */
    MAIL_SENDER_UNKNOWN("TKT-1041", false),
    /** The parser failed on a mail for another reason than a budget: quarantined raw. */
    MAIL_UNREADABLE("TKT-1042", false),
    /** The IMAP server could not be reached, refused the login or failed a command; the poller backs off. */
    MAILBOX_UNAVAILABLE("TKT-1043", true),
    /** A call named a mailbox the channel was not built with. */
    UNKNOWN_MAILBOX("TKT-1044", false),
    /** A quarantined mail was asked for by an id the quarantine does not hold (released or never there). */
    QUARANTINED_MAIL_NOT_FOUND("TKT-1045", false);

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
