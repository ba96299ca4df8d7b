package dev.tiketti.core.privacy;

import java.util.Objects;
import java.util.UUID;

/**
 * Identity of one consent record.
 *
 * @since 0.1
 */
public record ConsentId(UUID value) {
    public ConsentId {
        Objects.requireNonNull(value, "value");
    }

    public static ConsentId of(String value) {
        return new ConsentId(UUID.fromString(Objects.requireNonNull(value, "value")));
    }

    public static ConsentId random() {
        return new ConsentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
