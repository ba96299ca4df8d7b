package dev.tiketti.core.privacy;

import dev.tiketti.core.common.Require;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A reference to the service contract under which a contact is served, with its validity. A
 * contract in force is a legal basis (GDPR art. 6(1)(b)) to retain the contact's data.
 *
 * @param reference the host's contract number or document id (not personal data)
 * @param validFrom first day in force
 * @param validUntil last day in force; empty while open-ended
 * @since 0.1
 */
public record ServiceContract(String reference, LocalDate validFrom, Optional<LocalDate> validUntil) {
    public ServiceContract {
        reference = Require.notBlank(reference, "contract reference").strip();
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (validUntil.isPresent() && validUntil.get().isBefore(validFrom)) {
            throw PrivacyMessages.contractEndsBeforeStart(reference, validFrom, validUntil.get());
        }
    }

    /** An open-ended contract. */
    public static ServiceContract from(String reference, LocalDate validFrom) {
        return new ServiceContract(reference, validFrom, Optional.empty());
    }

    /** A contract in force from {@code validFrom} to {@code validUntil}, both days included. */
    public static ServiceContract between(String reference, LocalDate validFrom, LocalDate validUntil) {
        return new ServiceContract(reference, validFrom, Optional.of(Require.nonNull(validUntil, "validUntil")));
    }

    /** Whether the contract is in force on {@code day} (both ends included). */
    public boolean inForceOn(LocalDate day) {
        Require.nonNull(day, "day");
        return !day.isBefore(validFrom) && validUntil.map(end -> !day.isAfter(end)).orElse(true);
    }
}
