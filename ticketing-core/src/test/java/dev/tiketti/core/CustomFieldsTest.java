package dev.tiketti.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.FieldViolation;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.common.ValidationException;
import dev.tiketti.core.ticket.FieldConstraint;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.FieldKind;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.ticket.TicketUpdate;
import dev.tiketti.core.workflow.Effect;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field kind and constraint, through the facade: what is accepted, converted and refused. */
class CustomFieldsTest {
    static final String WORKFLOW = "simple";

    final Fixture f = new Fixture();
    final Ticketing ticketing = f.ticketing;

    CustomFieldsTest() {
        ticketing.definitions().publishWorkflow(WorkflowDefinition.builder(WORKFLOW)
                .state("NEW", StateCategory.NEW).state("CLOSED", StateCategory.CLOSED)
                .transition("close").from("NEW").to("CLOSED").build());
        ticketing.definitions().defineType(new TicketType("certificate", Fixture.HR, "CERT", "Employment certificate", WORKFLOW,
                List.of(
                        FieldDefinition.text("employeeNumber").required().size(6, 6).pattern("[0-9]+"),
                        FieldDefinition.number("copies").min(1).max(5),
                        FieldDefinition.date("neededBy"),
                        FieldDefinition.choice("purpose", "loan", "rental", "other"),
                        FieldDefinition.bool("english"),
                        FieldDefinition.contact("deliverTo"),
                        FieldDefinition.text("language").with(new FieldConstraint.AllowedValues(Set.of("fi"))))));
    }

    OpenTicket request(Map<String, Object> fields) {
        OpenTicket r = OpenTicket.of("certificate", f.requester.id(), "Työtodistus", Channel.WEB_FORM);
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            r = r.field(e.getKey(), e.getValue());
        }
        return r;
    }

    static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Nested
    class Accepted {
        @Test
        void everyKindIsStoredInItsCanonicalType() {
            ContactId manager = ContactId.random();
            Ticket t = ticketing.tickets().open(request(fields("employeeNumber", "012345", "copies", 2,
                    "neededBy", "2025-06-19", "purpose", "rental", "english", true, "deliverTo", manager,
                    "language", "fi")));

            assertThat(t.fields().get("employeeNumber")).contains("012345");
            assertThat(t.fields().get("copies")).contains(new BigDecimal("2"));
            assertThat(t.fields().get("neededBy")).contains(LocalDate.of(2025, 6, 19));
            assertThat(t.fields().get("purpose")).contains("rental");
            assertThat(t.fields().get("english")).contains(Boolean.TRUE);
            assertThat(t.fields().get("deliverTo")).contains(manager);
            assertThat(t.fields().get("language")).contains("fi");
        }

        @Test
        void textFormsOfEachKindAreConverted() {
            ContactId manager = ContactId.random();
            Ticket t = ticketing.tickets().open(request(fields("employeeNumber", new StringBuilder("123456"),
                    "copies", " 4.5 ", "neededBy", LocalDate.of(2025, 1, 2), "english", "false",
                    "deliverTo", manager.toString())));

            assertThat(t.fields().get("employeeNumber")).contains("123456");
            assertThat(t.fields().get("copies")).contains(new BigDecimal("4.5"));
            assertThat(t.fields().get("neededBy")).contains(LocalDate.of(2025, 1, 2));
            assertThat(t.fields().get("english")).contains(Boolean.FALSE);
            assertThat(t.fields().get("deliverTo")).contains(manager);
        }

        @Test
        void anyJavaNumberIsANumber() {
            for (Object n : List.of(3, 3L, (short) 3, (byte) 3, 3.0, 3.0f, new BigDecimal("3.00"),
                    java.math.BigInteger.valueOf(3), new java.util.concurrent.atomic.AtomicLong(3), "3")) {
                Ticket t = ticketing.tickets().open(request(fields("employeeNumber", "123456", "copies", n)));
                assertThat(t.fields().get("copies")).as("%s (%s)", n, n.getClass().getSimpleName())
                        .hasValueSatisfying(v -> assertThat((BigDecimal) v).isEqualByComparingTo("3"));
            }
        }

        @Test
        void numbersHaveOneFormSoEqualAmountsAreNoChange() {
            Ticket t = ticketing.tickets().open(request(fields("employeeNumber", "123456", "copies", new BigDecimal("2.50"))));
            assertThat(t.fields().get("copies")).contains(new BigDecimal("2.5"));
            assertThat(ticketing.tickets().update(TicketUpdate.of(t.id(), f.maija).field("copies", 2.5))).isEqualTo(t);
            Ticket four = ticketing.tickets().update(TicketUpdate.of(t.id(), f.maija).field("copies", "4.000"));
            assertThat(four.fields().get("copies")).contains(new BigDecimal("4"));
            assertThat(ticketing.tickets().history(t.id())).last().satisfies(h -> assertThat(h.changes())
                    .containsExactly(dev.tiketti.core.ticket.FieldChange.of("fields.copies", "2.5", "4")));
            assertThat(ticketing.tickets().update(TicketUpdate.of(t.id(), f.maija).field("copies", 4L))).isEqualTo(four);
        }

        @Test
        void boundsAreInclusive() {
            assertThat(ticketing.tickets().open(request(fields("employeeNumber", "000001", "copies", 1L))).fields()
                    .get("copies")).contains(BigDecimal.ONE);
            assertThat(ticketing.tickets().open(request(fields("employeeNumber", "000001", "copies", 5.0))).fields()
                    .get("copies")).hasValueSatisfying(v -> assertThat((BigDecimal) v).isEqualByComparingTo("5"));
        }

        @Test
        void choiceKeepsTheDeclaredOrderOfItsValues() {
            FieldDefinition purpose = ticketing.definitions().type("certificate").orElseThrow().field("purpose").orElseThrow();
            assertThat(purpose.kind()).isEqualTo(FieldKind.ENUM);
            assertThat(purpose.constraints()).singleElement().isInstanceOfSatisfying(FieldConstraint.AllowedValues.class,
                    a -> assertThat(a.values()).containsExactly("loan", "rental", "other"));
        }
    }

    @Nested
    class Refused {
        @Test
        void everyViolationIsListedInOneExceptionAndNothingIsStored() {
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> ticketing.tickets().open(request(
                    fields("employeeNumber", "12a", "copies", 9, "neededBy", "19.6.2025", "purpose", "gift",
                            "english", "yes", "deliverTo", "not-a-uuid", "language", "sv", "shoeSize", 42))));

            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(e.violations()).extracting(FieldViolation::field).containsExactly(
                    "employeeNumber", "employeeNumber", "copies", "neededBy", "purpose", "english", "deliverTo",
                    "language", "shoeSize");
            assertThat(e.violations()).extracting(FieldViolation::message).containsExactly(
                    "size must be between 6 and 6",
                    "must match \"[0-9]+\"",
                    "must be less than or equal to 5",
                    "must be a date (yyyy-MM-dd), but the text given is not one",
                    "must be one of [loan, rental, other]",
                    "must be true or false, but the text given is not one",
                    "must be a contact id, but the text given is not one",
                    "must be one of [fi]",
                    "is not a field of type 'certificate'; its fields are [employeeNumber, copies, neededBy, "
                            + "purpose, english, deliverTo, language]");
            assertThat(e.violations()).extracting(FieldViolation::rejectedValue).containsExactly(
                    Optional.of("12a"), Optional.of("12a"), Optional.of(9), Optional.of("19.6.2025"),
                    Optional.of("gift"), Optional.of("yes"), Optional.of("not-a-uuid"), Optional.of("sv"),
                    Optional.of(42));
            assertThat(e.getMessage()).startsWith("[TKT-0401]").contains("9 violation(s)", "employeeNumber")
                    .as("rejected values may be personal data; the message names fields and rules only")
                    .doesNotContain("12a", "19.6.2025", "not-a-uuid", "gift");
            assertThat(ticketing.tickets().query(TicketQuery.all())).isEmpty();
            assertThat(f.events).isEmpty();
            assertThat(ticketing.tickets().open(request(fields("employeeNumber", "123456"))).key().toString())
                    .as("a refused ticket draws no key").isEqualTo("CERT-1");
        }

        @Test
        void aMissingRequiredFieldIsReported() {
            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> ticketing.tickets().open(request(fields("copies", 2))));
            assertThat(e.violations()).containsExactly(
                    new FieldViolation("employeeNumber", "is required: give a value", Optional.empty()));

            ValidationException explicitNull = catchThrowableOfType(ValidationException.class,
                    () -> ticketing.tickets().open(request(fields("employeeNumber", null))));
            assertThat(explicitNull.violations()).extracting(FieldViolation::field).containsExactly("employeeNumber");
        }

        @Test
        void notANumberIsNotANumber() {
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> ticketing.tickets().open(request(
                    fields("employeeNumber", "123456", "copies", Double.NaN))));
            assertThat(e.violations()).singleElement().extracting(FieldViolation::message)
                    .isEqualTo("must be a number, but a number that is not finite (NaN or infinity) was given");
        }

        @Test
        void belowTheMinimumIsReported() {
            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> ticketing.tickets().open(request(fields("employeeNumber", "123456", "copies", 0))));
            assertThat(e.violations()).singleElement().extracting(FieldViolation::message)
                    .isEqualTo("must be greater than or equal to 1");
        }

        @Test
        void wrongTypesAreDescribedInWordsNotJavaClassNames() {
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> ticketing.tickets().open(request(
                    fields("employeeNumber", 123456, "copies", true, "neededBy", 20250619, "purpose", 1,
                            "english", 1, "deliverTo", LocalDate.of(2025, 1, 1), "language", List.of("fi")))));

            assertThat(e.violations()).extracting(FieldViolation::message).containsExactly(
                    "must be text, but a number was given",
                    "must be a number, but true or false was given",
                    "must be a date (yyyy-MM-dd), but a number was given",
                    "must be one of the allowed values, but a number was given",
                    "must be true or false, but a number was given",
                    "must be a contact id, but a date or time was given",
                    "must be text, but a value of another kind was given");
            assertThat(e.getMessage()).doesNotContain("java.", "Integer", "Boolean", "LocalDate");
        }
    }

    /** Every count from -50 to 50: the whole range the property once sampled 50 times. */
    static IntStream copyCounts() {
        return IntStream.rangeClosed(-50, 50);
    }

    @ParameterizedTest(name = "copies = {0}")
    @MethodSource("copyCounts")
    void copiesOutsideOneToFiveAreAlwaysRefusedAndInsideAlwaysAccepted(int n) {
        OpenTicket r = request(fields("employeeNumber", "123456", "copies", n));
        if (n >= 1 && n <= 5) {
            assertThat(ticketing.tickets().open(r).fields().get("copies")).contains(BigDecimal.valueOf(n));
        } else {
            assertThatThrownBy(() -> ticketing.tickets().open(r)).isInstanceOf(ValidationException.class);
            assertThat(ticketing.tickets().query(TicketQuery.all())).isEmpty();
        }
    }

    @Nested
    class TypeDefinitions {
        @Test
        void everyProblemOfATypeIsReportedAtOnce() {
            ticketing.definitions().publishWorkflow(WorkflowDefinition.builder("with-effects")
                    .state("NEW", StateCategory.NEW).state("CLOSED", StateCategory.CLOSED)
                    .transition("close").from("NEW").to("CLOSED")
                    .requires(dev.tiketti.core.workflow.Guard.fieldRequired("reason"))
                    .then(Effect.setField("count", "many"), Effect.setField("missing", "x"))
                    .build());

            ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> ticketing.definitions().defineType(
                    new TicketType("broken", Fixture.HR, "BR", "Broken", "with-effects", List.of(
                            FieldDefinition.text("note"),
                            FieldDefinition.text("note"),
                            FieldDefinition.number("count").size(1, 2),
                            FieldDefinition.of("kind", FieldKind.ENUM)))));

            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TICKET_TYPE);
            assertThat(e.problems()).hasSize(6);
            assertThat(e.problems().get(0)).contains("field 'note' is declared more than once");
            assertThat(e.problems().get(1)).contains("'count'", "NUMBER", "Size");
            assertThat(e.problems().get(2)).contains("'kind'", "ENUM", "no allowed values", "choice(");
            assertThat(e.problems().get(3)).contains("'close'", "requires field 'reason'");
            assertThat(e.problems().get(4)).contains("'close'", "field 'count'", "must be a number");
            assertThat(e.problems().get(5)).contains("'close'", "sets field 'missing'");
            assertThat(ticketing.definitions().type("broken")).isEmpty();
        }

        @Test
        void constraintsCheckTheirOwnArguments() {
            assertThatThrownBy(() -> FieldDefinition.text("x").size(3, 2)).isInstanceOf(TicketingException.class)
                    .hasMessageContaining("min=3, max=2");
            assertThatThrownBy(() -> FieldDefinition.text("x").pattern("[unclosed"))
                    .isInstanceOf(TicketingException.class).hasMessageContaining("'[unclosed'");
            assertThatThrownBy(() -> FieldDefinition.choice("x")).isInstanceOf(TicketingException.class)
                    .hasMessageContaining("at least one value");
            assertThatThrownBy(() -> FieldDefinition.choice("x", "a", "a")).isInstanceOf(TicketingException.class)
                    .hasMessageContaining("'a' twice");
            assertThatThrownBy(() -> FieldDefinition.choice("x", "a", null)).isInstanceOf(TicketingException.class)
                    .hasMessageContaining("allowed value");
            assertThatThrownBy(() -> FieldDefinition.text("1st")).isInstanceOf(TicketingException.class)
                    .hasMessageContaining("field name '1st'");
            assertThatThrownBy(() -> FieldDefinition.text("x").with(null)).isInstanceOf(TicketingException.class)
                    .hasMessageContaining("constraint");
        }
    }
}
