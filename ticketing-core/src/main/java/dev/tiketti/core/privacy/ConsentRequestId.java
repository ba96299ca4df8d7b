package dev.tiketti.core.privacy;

import dev.tiketti.core.common.Require;
import java.util.UUID;

/**
 * Identity of one consent request (not its reply token, which is secret and never stored).
 *
 * @since 0.1
 */
public record ConsentRequestId(UUID value) {
    public ConsentRequestId {
        Require.nonNull(value, "consent request id");
    }

    public static ConsentRequestId of(String value) {
        return new ConsentRequestId(Require.uuid(value, "consent request id"));
    }

    public static ConsentRequestId random() {
        return new ConsentRequestId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
