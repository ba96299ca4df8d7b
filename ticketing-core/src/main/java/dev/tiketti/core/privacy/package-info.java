/**
 * Data protection (R8): the customer register (contacts, organisations, memberships), consent
 * records with their legal basis, redaction of personal data in free text, access records, erasure
 * (requests, policies, reports), retention schedules and the access export. The operations are on
 * {@link dev.tiketti.core.privacy.Privacy}, from {@code Ticketing.privacy()}.
 */
@NullMarked
package dev.tiketti.core.privacy;

import org.jspecify.annotations.NullMarked;
