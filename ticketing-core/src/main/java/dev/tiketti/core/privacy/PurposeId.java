package dev.tiketti.core.privacy;

import dev.tiketti.core.common.Require;

/**
 * Identity of a processing purpose, a machine name such as {@code service-requests} or
 * {@code satisfaction-survey}.
 *
 * @since 0.1
 */
public record PurposeId(String value) {
    public PurposeId {
        Require.name(value, "purpose id");
    }

    public static PurposeId of(String value) {
        return new PurposeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
