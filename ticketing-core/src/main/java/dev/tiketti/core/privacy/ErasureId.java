package dev.tiketti.core.privacy;

import dev.tiketti.core.common.Require;
import java.util.UUID;

/**
 * Identity of one erasure request and its journal record.
 *
 * @since 0.1
 */
public record ErasureId(UUID value) {
    public ErasureId {
        Require.nonNull(value, "erasure id");
    }

    public static ErasureId of(String value) {
        return new ErasureId(Require.uuid(value, "erasure id"));
    }

    public static ErasureId random() {
        return new ErasureId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
