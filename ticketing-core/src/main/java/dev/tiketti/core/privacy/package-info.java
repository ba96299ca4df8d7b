/**
 * Data protection (R8): the customer register (contacts, organisations, memberships), consent
 * records with their legal basis, and redaction of personal data in free text. Erasure arrives here.
 */
@NullMarked
package dev.tiketti.core.privacy;

import org.jspecify.annotations.NullMarked;
