package dev.tiketti.core.spi;

import dev.tiketti.core.common.Require;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What the mail channel keeps between polls and deliveries: the state of each polled mailbox
 * (UIDVALIDITY and the highest processed UID), quarantined messages (too large, too deep,
 * unparseable, or refused by the registration rules; their raw bytes live in the
 * {@link AttachmentStore} under {@link QuarantinedMail#rawSha256()}), addresses that bounce, and
 * the loop brake's counters of automatic mails. The mail module takes it from
 * {@link Storage#mailStore()}; erasure forgets a person's addresses through {@link #forget}.
 *
 * <p>Obligations (checked by {@code MailStoreContract} in the testkit):
 * <ul>
 * <li>Writes join the current unit of work of the storage's {@link Transactions}: rolled back with
 *     it, visible to other units only after commit. A store without units of work is atomic per
 *     call.</li>
 * <li>Addresses are compared case-insensitively: every method lower-cases them with
 *     {@link Locale#ROOT} ({@link #address(String)}) and stores and returns them lower-case.
 *     Mailbox names and message keys are compared exactly.</li>
 * <li>{@link #quarantine} is idempotent by {@link QuarantinedMail#messageKey()}, across threads and
 *     nodes: of any number of calls with one key, exactly one returns {@code true} and its row is
 *     kept; the others return {@code false} and change nothing (a message quarantined again after
 *     a crash, before its IMAP flag was set). An id stored already under another key fails with
 *     {@code DUPLICATE}.</li>
 * <li>{@link #markFailing} is an atomic upsert, also when units on several nodes mark one address
 *     at once: every call counts once.</li>
 * <li>Time bounds: {@link #countAutomatic} counts records at or after {@code since} (inclusive);
 *     {@link #purgeBefore} drops what is strictly before its instant (a row at the instant stays).</li>
 * <li>{@link #forget} and {@link #purgeBefore} report what went, and name in
 *     {@link ForgottenMail#rawSha256s()} only the raw digests that no remaining quarantine row
 *     refers to, so the caller can delete those blobs without breaking another row.</li>
 * <li>Read values are equal in every component to the written ones (instants to the microsecond at
 *     least). Thread-safe; never returns null.</li>
 * </ul>
 *
 * @since 0.1
 */
public interface MailStore {

    /** The longest address a store must keep (RFC 5321's 64 + 1 + 255). */
    int MAX_ADDRESS_LENGTH = 320;

    /** The state of {@code mailbox} (e.g. {@code hr@example.fi/INBOX}), if it was saved. */
    Optional<MailboxState> mailbox(String mailbox);

    /** Saves a mailbox's state, replacing the saved one (upsert). */
    void saveMailbox(MailboxState state);

    /**
     * Keeps a message that could not be ingested; {@code false} (and nothing changed) if a message
     * with its {@link QuarantinedMail#messageKey() key} is quarantined already.
     */
    boolean quarantine(QuarantinedMail mail);

    /** The quarantined message with this id, if not released or purged. */
    Optional<QuarantinedMail> quarantined(UUID id);

    /**
     * At most {@code limit} (≥ 1) quarantined messages of {@code mailbox}, oldest first (by
     * {@link QuarantinedMail#receivedAt()}, then in the order they were quarantined).
     */
    List<QuarantinedMail> quarantined(String mailbox, int limit);

    /** Removes a quarantined message the host has handled; {@code false} if there was none. */
    boolean release(UUID id);

    /**
     * Records a failed delivery to {@code address} at {@code at} with its DSN status (e.g.
     * {@code 5.1.1}): a first failure creates the mark; a later one adds one to
     * {@link AddressFailure#failures()}, keeps the earliest time as first and the latest as last,
     * with the status of the latest.
     */
    void markFailing(String address, Instant at, String status);

    /** The failure mark of {@code address}, if it has one. */
    Optional<AddressFailure> failure(String address);

    /** Removes the failure mark of {@code address} (it was delivered to, or corrected); {@code false} if none. */
    boolean clearFailure(String address);

    /** Records that an automatic mail (acknowledgement, notification) went to {@code address} at {@code at}. */
    void recordAutomatic(String address, Instant at);

    /** How many automatic mails went to {@code address} at or after {@code since}. */
    int countAutomatic(String address, Instant since);

    /**
     * Removes everything kept of these addresses (R8): quarantined messages whose sender is one of
     * them, their failure marks and their automatic-mail records; returns what went.
     */
    ForgottenMail forget(Collection<String> addresses);

    /**
     * Retention: removes quarantined messages received, failure marks last failed, and
     * automatic-mail records made strictly before {@code instant}; returns what went.
     */
    ForgottenMail purgeBefore(Instant instant);

    /**
     * An address as stores keep and compare it: stripped and lower-cased with {@link Locale#ROOT};
     * fails with {@code INVALID_EMAIL_ADDRESS} (never repeating it) unless it has the form
     * {@code local@domain} and at most {@link #MAX_ADDRESS_LENGTH} characters.
     */
    static String address(String address) {
        Require.notBlank(address, "mail address");
        String a = address.strip().toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        Require.argument(at > 0 && at < a.length() - 1 && a.length() <= MAX_ADDRESS_LENGTH
                && a.chars().noneMatch(Character::isWhitespace), () -> StoreProblems.mailAddress(a.length()));
        return a;
    }
}
