package dev.tiketti.core.privacy;

import dev.tiketti.core.common.Require;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Why and until when data is kept despite an erasure request: the legal basis (GDPR art. 6), a
 * short reason written by the host (e.g. {@code "payroll records, Kirjanpitolaki 2:10"}; never
 * personal data) and the last day it is kept; empty {@code until} means "while the basis lasts"
 * (a service contract without an end date).
 *
 * @since 0.1
 */
public record Retention(LegalBasis basis, String reason, Optional<LocalDate> until) {
    public Retention {
        Require.nonNull(basis, "legal basis");
        reason = Require.notBlank(reason, "retention reason").strip();
        Require.nonNull(until, "until");
        Require.argument(basis != LegalBasis.CONSENT, PrivacyMessages::retentionOnConsent);
    }
}
