package dev.tiketti.core.internal;

import dev.tiketti.core.common.FieldViolation;
import dev.tiketti.core.ticket.CustomFields;
import dev.tiketti.core.ticket.FieldConstraint;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.TicketType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies raw values to custom fields under a type's declarations, collecting every violation.
 * Not API.
 */
public final class FieldValidation {
    private FieldValidation() {
    }

    /**
     * Writes {@code changes} (a null value clears a field) onto {@code base}; appends violations
     * to {@code violations}. When {@code checkAllRequired}, every required field must end up set.
     */
    public static CustomFields apply(TicketType type, CustomFields base, Map<String, ?> changes,
                                     boolean checkAllRequired, List<FieldViolation> violations) {
        CustomFields result = base;
        // Declaration order, so violations come out in the order a form shows the fields.
        for (FieldDefinition field : type.fields()) {
            String name = field.name();
            if (!changes.containsKey(name)) {
                if (checkAllRequired && field.mandatory() && !result.has(name)) {
                    violations.add(new FieldViolation(name, TicketProblems.fieldRequired(), Optional.empty()));
                }
                continue;
            }
            Object raw = changes.get(name);
            if (raw == null) {
                if (field.mandatory()) {
                    violations.add(new FieldViolation(name, checkAllRequired ? TicketProblems.fieldRequired()
                            : TicketProblems.requiredFieldCleared(), Optional.empty()));
                } else {
                    result = result.with(name, Optional.empty());
                }
                continue;
            }
            Optional<Object> value = coerce(field, raw, violations);
            if (value.isPresent()) {
                result = result.with(name, value);
            }
        }
        for (Map.Entry<String, ?> change : changes.entrySet()) {
            if (type.field(change.getKey()).isEmpty()) {
                violations.add(new FieldViolation(change.getKey(), TicketProblems.notAField(type.id(),
                        type.fields().stream().map(FieldDefinition::name).toList()), Optional.ofNullable(change.getValue())));
            }
        }
        return result;
    }

    /** The value converted to the field's kind if it satisfies every constraint; violations otherwise. */
    public static Optional<Object> coerce(FieldDefinition field, Object raw, List<FieldViolation> violations) {
        Optional<Object> value = field.kind().coerce(raw);
        if (value.isEmpty()) {
            violations.add(new FieldViolation(field.name(), TicketProblems.wrongKind(field.kind(), raw), Optional.of(raw)));
            return Optional.empty();
        }
        boolean ok = true;
        for (FieldConstraint constraint : field.constraints()) {
            Optional<String> problem = constraint.check(value.get());
            if (problem.isPresent()) {
                violations.add(new FieldViolation(field.name(), problem.get(), Optional.of(raw)));
                ok = false;
            }
        }
        return ok ? value : Optional.empty();
    }
}
