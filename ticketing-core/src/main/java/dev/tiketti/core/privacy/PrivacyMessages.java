package dev.tiketti.core.privacy;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The messages of the privacy values: register, consent, consent requests, redaction, erasure and
 * retention. Each method names the value (ids only, never personal data), the problem and the fix.
 * Package-private: not API.
 */
final class PrivacyMessages {
    private PrivacyMessages() {
    }

    // Register

    static TicketingException malformedEmail(ContactId contact) {
        return new TicketingException(ErrorCode.INVALID_EMAIL_ADDRESS, "An e-mail address of contact " + contact
                + " is not of the form local@domain. Correct the address (it is not repeated here).");
    }

    static TicketingException ownSubstitute(ContactId contact) {
        return new TicketingException(ErrorCode.INVALID_SUBSTITUTE, "Contact " + contact
                + " cannot be its own substitute. Name another contact, or none to use the organisation's default.");
    }

    static TicketingException contractEndsBeforeStart(String reference, LocalDate validFrom, LocalDate validUntil) {
        return new TicketingException(ErrorCode.INVALID_PERIOD, "Contract '" + reference + "' ends (" + validUntil
                + ") before it starts (" + validFrom + "). Correct the dates.");
    }

    // Consent

    static TicketingException withdrawnBeforeRecorded(ConsentId consent, Instant withdrawnAt, Instant recordedAt) {
        return new TicketingException(ErrorCode.INVALID_PERIOD, "Consent " + consent + " would be withdrawn ("
                + withdrawnAt + ") before it was recorded (" + recordedAt + "). Use the time of withdrawal.");
    }

    static TicketingException requestExpiresBeforeSent(ConsentRequestId request, Instant expiresAt, Instant sentAt) {
        return new TicketingException(ErrorCode.INVALID_PERIOD, "Consent request " + request + " would expire ("
                + expiresAt + ") before it was sent (" + sentAt + "). Give a positive validity.");
    }

    static TicketingException requestTokenDigest(ConsentRequestId request) {
        return new TicketingException(ErrorCode.INVALID_IDENTIFIER, "Consent request " + request
                + " needs the lower-case hex SHA-256 digest of its token (64 characters).");
    }

    static TicketingException requestAnswerState(ConsentRequestId request, ConsentRequest.Status status,
                                                 boolean answered, boolean evidenced) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "Consent request " + request + " is " + status
                + " but " + (answered ? "has an" : "has no") + " answer time and " + (evidenced ? "an" : "no")
                + " evidence reference: an answered request has both, a pending one neither. "
                + "Make it with ConsentRequest.pending(...) and answered(...).");
    }

    static TicketingException requestConsentNotGiven(ConsentRequestId request, Optional<ConsentId> consent,
                                                     ConsentRequest.Status status) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "Consent request " + request + " names consent "
                + consent.map(Object::toString).orElse("") + " but is " + status
                + ": only a given answer records one.");
    }

    static TicketingException pendingAnswer() {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE,
                "An answer is GIVEN or REFUSED, not PENDING: pass the outcome the person chose.");
    }

    static TicketingException templateInvalid(List<String> problems) {
        return new TicketingException(ErrorCode.INVALID_CONSENT_REQUEST_TEMPLATE, "The consent request template "
                + "is invalid: " + String.join("; ", problems) + ". Correct the template.");
    }

    static String templateUnknownPlaceholders(Set<String> unknown, Set<String> known) {
        return "unknown placeholder(s) " + unknown + "; known: " + known;
    }

    static String templateWithoutToken() {
        return "neither subject nor body contains {token}, so an answer could not be matched to its request";
    }

    static String templateSubjectLines() {
        return "the subject spans several lines; a mail subject is one line";
    }

    static ConfigurationException jacksonMissingForExport() {
        return new ConfigurationException(ErrorCode.MISSING_DEPENDENCY, "The access export as JSON needs "
                + "jackson-databind on the class path. Add com.fasterxml.jackson.core:jackson-databind (2.x) to "
                + "your application, or use summary()", List.of());
    }

    // Redaction

    static ConfigurationException redactor(List<String> problems) {
        return new ConfigurationException(ErrorCode.INVALID_REDACTOR, "The redactor configuration is invalid",
                problems);
    }

    static ConfigurationException detectTwice() {
        return redactor(List.of("detect(...) was already called; call it once with every kind wanted."));
    }

    static ConfigurationException termTooShort(int minLength) {
        return redactor(List.of("A known term is shorter than " + minLength
                + " characters and would redact ordinary words; give a longer term."));
    }

    static ConfigurationException replacementTwice() {
        return redactor(List.of("replacement(...) was already called; set the replacement once."));
    }

    static ConfigurationException replacementInvalid(int length) {
        return redactor(List.of("The replacement must be 1-64 characters without digits or '@' (it was "
                + length + " characters); use e.g. \"xxxxxx\" or \"[poistettu]\"."));
    }

    static String knownTermWithoutTerms() {
        return "KNOWN_TERM is to be detected but no known term was given: add them with "
                + "knownTerm(...) or personName(...), or leave KNOWN_TERM out of detect(...).";
    }

    static String termsWithoutKnownTerm(int terms) {
        return terms + " known term(s) were given but detect(...) leaves KNOWN_TERM out: "
                + "add KNOWN_TERM to detect(...) or drop the terms.";
    }

    static String replacementIsPersonalData() {
        return "The replacement would itself be found as personal data (it matches a known term); "
                + "choose another replacement.";
    }

    static TicketingException findingRange(int start, int end) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "A finding needs 0 <= start < end, got ["
                + start + ", " + end + "). Report the range of a non-empty match.");
    }

    // Erasure and retention

    private static ConfigurationException erasurePolicy(String problem) {
        return new ConfigurationException(ErrorCode.INVALID_ERASURE_POLICY, "The erasure policy is invalid",
                List.of(problem));
    }

    static ConfigurationException retainWithoutBasis(DataCategory category) {
        return erasurePolicy("Category " + category + " cannot be retained without a basis: call retain(" + category
                + ", new Retention(basis, reason, until)).");
    }

    static ConfigurationException typeRetentionNotPositive(String typeId, Period period) {
        return erasurePolicy("The retention period of type '" + typeId + "' must be positive, was " + period
                + ". Give e.g. Period.ofYears(6).");
    }

    static ConfigurationException typeRetainedOnConsent(String typeId) {
        return erasurePolicy("Type '" + typeId + "' cannot be retained on consent against an erasure request; "
                + "use LEGAL_OBLIGATION or another basis.");
    }

    static ConfigurationException typeRetentionTwice(String typeId) {
        return erasurePolicy("Type '" + typeId + "' already has a retention; set it once.");
    }

    static ConfigurationException erasureReplacementTwice() {
        return erasurePolicy("replacement(...) was already called; set it once.");
    }

    static TicketingException retentionOnConsent() {
        return new TicketingException(ErrorCode.INVALID_ERASURE_POLICY, "Consent is no basis to retain data against "
                + "an erasure request (the request withdraws it). Use CONTRACT, LEGAL_OBLIGATION or another basis "
                + "of art. 6.");
    }

    static TicketingException reportCompletion(ErasureId erasure, ErasureReport.Status status) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "An erasure report has a completion time "
                + "exactly when it is COMPLETED; the report of erasure " + erasure + " is " + status
                + ". A journal must return the reports it was given.");
    }

    static TicketingException scheduleTooShort(String typeId, int months) {
        return new TicketingException(ErrorCode.INVALID_RETENTION, "The retention period of type '" + typeId
                + "' must be at least 1 month, was " + months + ". Give the number of months to keep closed tickets.");
    }

    static TicketingException scheduleRetains(String typeId) {
        return new TicketingException(ErrorCode.INVALID_RETENTION, "A retention schedule for type '" + typeId
                + "' must DELETE or ANONYMISE; leave the type without a schedule to keep its tickets.");
    }
}
