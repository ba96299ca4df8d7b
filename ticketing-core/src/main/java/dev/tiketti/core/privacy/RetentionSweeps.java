package dev.tiketti.core.privacy;

import java.util.List;

/**
 * Storage limitation, from {@code privacy().retention()}: sweeps that delete or anonymise closed
 * tickets past their period, and remove expired consent requests. Schedule both.
 *
 * @since 0.1
 */
public interface RetentionSweeps {

    /**
     * Deletes or anonymises closed tickets older than their type's period. Sweeping again changes
     * nothing more; a sweep that stopped midway is finished by sweeping again. Publishes
     * {@code PrivacyEvent.RetentionSweepCompleted}.
     */
    RetentionSweepReport sweep(List<RetentionSchedule> schedules);

    /**
     * Removes every consent request whose token has expired, answered or not (a given answer lives
     * on in its {@link Consent}); returns how many. Afterwards such a token is unknown
     * ({@code CONSENT_REQUEST_NOT_FOUND}) rather than expired.
     */
    int purgeExpiredConsentRequests();
}
