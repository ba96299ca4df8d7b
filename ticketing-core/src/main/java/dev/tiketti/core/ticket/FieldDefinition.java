package dev.tiketti.core.ticket;

import dev.tiketti.core.common.Require;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Declares one custom field of a {@link TicketType}: its name, kind, whether it is mandatory and
 * its constraints. Immutable; each fluent method returns a new definition.
 *
 * <pre>{@code FieldDefinition.text("employeeNumber").required().size(6, 6).pattern("[0-9]+")}</pre>
 *
 * @since 0.1
 */
public record FieldDefinition(String name, FieldKind kind, boolean mandatory, List<FieldConstraint> constraints) {
    public FieldDefinition {
        Require.name(name, "field name");
        Require.nonNull(kind, "kind");
        constraints = Require.listOf(constraints, "constraints");
    }

    public static FieldDefinition of(String name, FieldKind kind) {
        return new FieldDefinition(name, kind, false, List.of());
    }

    public static FieldDefinition text(String name) {
        return of(name, FieldKind.TEXT);
    }

    public static FieldDefinition number(String name) {
        return of(name, FieldKind.NUMBER);
    }

    public static FieldDefinition date(String name) {
        return of(name, FieldKind.DATE);
    }

    public static FieldDefinition bool(String name) {
        return of(name, FieldKind.BOOLEAN);
    }

    public static FieldDefinition contact(String name) {
        return of(name, FieldKind.CONTACT);
    }

    /** An {@link FieldKind#ENUM} field that accepts exactly the given values. */
    public static FieldDefinition choice(String name, String... allowed) {
        Require.nonNull(allowed, "allowed values");
        // Declaration order is the order a UI offers the choices in, so keep it.
        Set<String> values = new LinkedHashSet<>();
        for (String value : allowed) {
            Require.argument(values.add(Require.notBlank(value, "allowed value")),
                    () -> TicketMessages.allowedValueTwice(name, value));
        }
        return of(name, FieldKind.ENUM).with(new FieldConstraint.AllowedValues(values));
    }

    /** A copy that must always have a value. */
    public FieldDefinition required() {
        return new FieldDefinition(name, kind, true, constraints);
    }

    public FieldDefinition size(int min, int max) {
        return with(new FieldConstraint.Size(min, max));
    }

    public FieldDefinition pattern(String regex) {
        return with(new FieldConstraint.Pattern(regex));
    }

    public FieldDefinition min(long min) {
        return with(new FieldConstraint.Min(BigDecimal.valueOf(min)));
    }

    public FieldDefinition max(long max) {
        return with(new FieldConstraint.Max(BigDecimal.valueOf(max)));
    }

    public FieldDefinition with(FieldConstraint constraint) {
        var all = new ArrayList<>(constraints);
        all.add(Require.nonNull(constraint, "constraint"));
        return new FieldDefinition(name, kind, mandatory, all);
    }
}
