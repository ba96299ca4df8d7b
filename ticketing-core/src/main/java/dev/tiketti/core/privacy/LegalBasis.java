package dev.tiketti.core.privacy;

/**
 * The lawful bases for processing personal data of GDPR article 6(1).
 *
 * @since 0.1
 */
public enum LegalBasis {
    /** (a) The person consented; can be withdrawn at any time (art. 7(3)). */
    CONSENT,
    /** (b) Needed for a contract with the person, e.g. a service contract in force. */
    CONTRACT,
    /** (c) Needed to comply with a legal obligation, e.g. statutory retention of payroll records. */
    LEGAL_OBLIGATION,
    /** (d) Needed to protect someone's vital interests. */
    VITAL_INTERESTS,
    /** (e) Needed for a task in the public interest or official authority (a city's services). */
    PUBLIC_TASK,
    /** (f) Needed for the controller's legitimate interests, balanced against the person's rights. */
    LEGITIMATE_INTERESTS
}
