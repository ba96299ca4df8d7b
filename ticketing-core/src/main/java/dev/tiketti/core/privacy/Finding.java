package dev.tiketti.core.privacy;

import java.util.Objects;

/**
 * Where a {@link Redactor} found personal data in a text: the kind and the half-open character
 * range {@code [start, end)}. It deliberately does not carry the matched text, so a finding can be
 * logged or reported without leaking what it points at.
 *
 * @since 0.1
 */
public record Finding(PersonalDataKind kind, int start, int end) {
    public Finding {
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end <= start) {
            throw PrivacyMessages.findingRange(start, end);
        }
    }

    /** Number of characters covered. */
    public int length() {
        return end - start;
    }
}
