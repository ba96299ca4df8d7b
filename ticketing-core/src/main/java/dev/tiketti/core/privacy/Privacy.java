package dev.tiketti.core.privacy;

/**
 * Data protection (R8), from {@code Ticketing.privacy()}: the customer register, consent, audited
 * reads and the right of access, erasure, and retention, each its own small area. See
 * {@code docs/privacy.md}. Thread-safe.
 *
 * @since 0.1
 */
public interface Privacy {

    /** Contacts, organisations, memberships and substitutes. */
    Register register();

    /** Purposes, consents and other legal bases, consent requests. */
    Consents consents();

    /** Reads of personal data, each recorded in the audit log, and the access export. */
    Access access();

    /** The right to be forgotten, its journal and its replay after a restore. */
    Erasure erasure();

    /** Retention sweeps of closed tickets and of expired consent requests. */
    RetentionSweeps retention();
}
