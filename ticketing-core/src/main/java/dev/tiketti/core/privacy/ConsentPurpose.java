package dev.tiketti.core.privacy;

import dev.tiketti.core.common.Require;
import java.util.Objects;

/**
 * A registered purpose for which personal data is processed (e.g. handling service requests,
 * sending satisfaction surveys). Consents can only be recorded for registered purposes, so that
 * every record names a purpose the controller has described.
 *
 * @param description a sentence for people: what the data is used for
 * @since 0.1
 */
public record ConsentPurpose(PurposeId id, String description) {
    public ConsentPurpose {
        Objects.requireNonNull(id, "id");
        description = Require.notBlank(description, "purpose description").strip();
    }

    public static ConsentPurpose of(String id, String description) {
        return new ConsentPurpose(PurposeId.of(id), description);
    }
}
