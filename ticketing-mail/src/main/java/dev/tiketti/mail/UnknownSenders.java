package dev.tiketti.mail;

/**
 * What a {@link MailChannel} does with a new mail from an address the customer register does not know.
 *
 * @since 0.1
 */
public enum UnknownSenders {
    /**
     * Registers a new contact (the display name, else the address's local part, as name; low assurance)
     * in the same unit of work as the ticket; if core's rules refuse the ticket for that contact (a required
     * legal basis, say), both are rolled back and the mail is quarantined with core's code.
     */
    REGISTER,
    /** Keeps the mail in the quarantine with {@code MAIL_SENDER_UNKNOWN} for a person to decide. */
    QUARANTINE
}
