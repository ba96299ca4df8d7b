package dev.tiketti.core.privacy;

/**
 * How reliably a requester's identity is known, ordered from weakest to strongest
 * (after eIDAS levels). Classifications may demand a minimum level (R5).
 *
 * @since 0.1
 */
public enum AssuranceLevel {
    /** Nothing verified: e.g. a free-form mail from an unknown address. */
    NONE,
    /** Control of a registered channel shown (known e-mail address, phone number). */
    LOW,
    /** Identified with a moderate-assurance method (e.g. an intranet login). */
    SUBSTANTIAL,
    /** Strongly identified (e.g. bank credentials or in person with an ID card). */
    HIGH;

    public boolean atLeast(AssuranceLevel required) {
        return compareTo(required) >= 0;
    }
}
