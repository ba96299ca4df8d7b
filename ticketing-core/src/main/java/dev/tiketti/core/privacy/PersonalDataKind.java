package dev.tiketti.core.privacy;

/**
 * The kinds of personal data a {@link Redactor} finds in free text.
 *
 * @since 0.1
 */
public enum PersonalDataKind {
    /** An e-mail address, e.g. {@code aino.virtanen@example.fi}. */
    EMAIL,
    /** A Finnish phone number in international ({@code +358 40 123 4567}) or national ({@code 040-1234567}) form. */
    PHONE,
    /** A Finnish personal identity code (henkilötunnus) with a valid date and check character. */
    HETU,
    /** An IBAN of a registered country with the right length and a valid ISO 13616 mod-97 checksum. */
    IBAN,
    /** A string the host named, e.g. a person's name, matched with Finnish inflected forms. */
    KNOWN_TERM
}
