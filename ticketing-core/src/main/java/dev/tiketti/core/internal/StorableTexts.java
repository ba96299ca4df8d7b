package dev.tiketti.core.internal;

import dev.tiketti.core.common.FieldViolation;
import dev.tiketti.core.common.StorableText;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the texts of a request that no supported store keeps faithfully (see {@link StorableText}),
 * as violations named by field and without the text itself, so that a refusal is the same on every
 * store and comes before anything is written. Not API.
 */
final class StorableTexts {
    private StorableTexts() {
    }

    static void check(List<FieldViolation> into, String field, Optional<String> text) {
        text.flatMap(StorableText::firstProblem)
                .ifPresent(problem -> into.add(new FieldViolation(field, TicketProblems.unstorableText(problem),
                        Optional.empty())));
    }

    static void check(List<FieldViolation> into, String field, String text) {
        check(into, field, Optional.of(text));
    }

    /** The text values of custom fields, and the texts inside list values. */
    static void checkFields(List<FieldViolation> into, Map<String, Object> fields) {
        fields.forEach((name, value) -> {
            if (value instanceof CharSequence text) {
                check(into, name, text.toString());
            } else if (value instanceof Collection<?> values) {
                values.stream().filter(CharSequence.class::isInstance).map(Object::toString)
                        .filter(t -> !StorableText.isStorable(t)).findFirst().ifPresent(t -> check(into, name, t));
            }
        });
    }
}
