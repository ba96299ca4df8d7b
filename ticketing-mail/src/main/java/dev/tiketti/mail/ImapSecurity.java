package dev.tiketti.mail;

/**
 * How a {@link Mailbox} talks to its IMAP server: over TLS from the first byte, upgraded with
 * STARTTLS, or in the clear (only for a test server on the loopback).
 *
 * @since 0.1
 */
public enum ImapSecurity {
    /** IMAPS: TLS from the first byte, usually port 993. */
    IMAPS,
    /** Plain IMAP upgraded with STARTTLS (required: a server that does not offer it is refused), usually port 143. */
    STARTTLS,
    /** No encryption at all; for a test server on the loopback only. */
    NONE
}
