package dev.tiketti.core.workflow;

import static dev.tiketti.core.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.workflow.Effect.Notify.Recipient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The JSON form: round trips, and strict reading that reports every problem with its path. */
class WorkflowJsonTest {

    /** Every guard and every effect kind, so the round trip covers the whole format. */
    static WorkflowDefinition everything() {
        return WorkflowDefinition.builder("hr-personal")
                .state("NEW", StateCategory.NEW)
                .state("OPEN", StateCategory.OPEN)
                .state("WAITING", StateCategory.WAITING)
                .state("RESOLVED", StateCategory.RESOLVED)
                .state("CLOSED", StateCategory.CLOSED)
                .transition("start").from("NEW").to("OPEN")
                    .requires(Guard.actorHasRole("hr"), Guard.requesterAssurance(AssuranceLevel.SUBSTANTIAL))
                    .then(Effect.assignToActor())
                .transition("ask").from("OPEN").to("WAITING")
                    .then(Effect.notify(Recipient.REQUESTER, "Tarvitsemme lisätietoja: {key} \"{subject}\""))
                .transition("replied").from("WAITING").to("OPEN").then(Effect.assignTo("maija"))
                .transition("resolve").from("OPEN", "WAITING").to("RESOLVED")
                    .requires(Guard.resolutionRequired(), Guard.fieldRequired("decision"), Guard.assigneeRequired())
                    .then(Effect.setField("outcome", "done"), Effect.addNote("Ratkaistu {transition}"),
                            Effect.notify(Recipient.ASSIGNEE, "{key}"), Effect.notify(Recipient.TEAM, "{state}"))
                .transition("close").from("RESOLVED").to("CLOSED").then(Effect.unassign())
                .build();
    }

    @Test
    void writeThenReadGivesAnEqualDefinition() {
        WorkflowDefinition d = everything();
        String json = WorkflowJson.write(d);

        assertThat(WorkflowJson.read(json)).isEqualTo(d);
        assertThat(WorkflowJson.write(WorkflowJson.read(json))).isEqualTo(json);
        assertThat(json).contains("\"type\" : \"requesterAssurance\"", "\"level\" : \"SUBSTANTIAL\"",
                "\"target\" : \"AGENT\"", "\"agent\" : \"maija\"", "\"type\" : \"notify\"");
    }

    @Test
    void thePublishedVersionSurvivesTheRoundTrip() {
        WorkflowDefinition v7 = everything().withVersion(7);
        assertThat(WorkflowJson.read(WorkflowJson.write(v7))).isEqualTo(v7);
    }

    @Test
    void guardsAndEffectsMayBeOmittedAndTheVersionDefaultsToDraft() {
        WorkflowDefinition d = WorkflowJson.read("""
                {"id":"mini","initial":"NEW",
                 "states":[{"name":"NEW","category":"NEW"},{"name":"CLOSED","category":"CLOSED"}],
                 "transitions":[{"name":"close","from":["NEW"],"to":"CLOSED"}]}""");
        assertThat(d.version()).isZero();
        assertThat(d.transitions()).singleElement().satisfies(t -> {
            assertThat(t.guards()).isEmpty();
            assertThat(t.effects()).isEmpty();
        });
        assertThat(d.problems()).isEmpty();
    }

    @Test
    void anyTemplateTextSurvivesTheRoundTrip() {
        qt(1000).forAll(templates()).checkAssert(template -> {
            WorkflowDefinition d = WorkflowDefinition.builder("t").state("NEW", StateCategory.NEW)
                    .state("CLOSED", StateCategory.CLOSED)
                    .transition("close").from("NEW").to("CLOSED")
                    .then(Effect.notify(Recipient.TEAM, template), Effect.addNote(template),
                            Effect.setField("f", template))
                    .build();
            assertThat(WorkflowJson.read(WorkflowJson.write(d))).isEqualTo(d);
        });
    }

    /**
     * Non-blank text of 1 to 40 characters: from the whole of Unicode (control characters, lone
     * surrogates, characters beyond the BMP), or from the characters JSON and templates treat
     * specially.
     */
    static Gen<String> templates() {
        return Generate.oneOf(strings().allPossible().ofLengthBetween(1, 40),
                        strings().basicMultilingualPlaneAlphabet().ofLengthBetween(1, 40),
                        lists().of(Generate.pick(List.of("\"", "\\", "/", "{", "}", "{key}", "\n", "\t", "\u0000",
                                        "\u2028", "\uD83D\uDE00", "\uD800", "ä", " ", "x")))
                                .ofSizeBetween(1, 20).map(parts -> String.join("", parts)))
                .assuming(s -> !s.isBlank());
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> WorkflowJson.read("{\n  \"id\": \"x\",\n  \"states\": [ }"));
        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_DEFINITION);
        assertThat(e.getMessage()).startsWith("[TKT-0502]").contains("not valid JSON", "line 3", "column");
    }

    @Test
    void repeatedKeysTrailingTextAndEmptyDocumentsAreRefused() {
        for (String json : List.of("{\"id\":\"a\",\"id\":\"b\"}", "{\"id\":\"a\"} {\"id\":\"b\"}", "", "null")) {
            ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> WorkflowJson.read(json));
            assertThat(e).as(json).isNotNull();
            assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_DEFINITION);
        }
        assertThat(catchThrowableOfType(ConfigurationException.class,
                () -> WorkflowJson.read("{\"id\":\"a\",\"id\":\"b\"}")).getMessage())
                .contains("Duplicate field 'id'", "line 1");
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> WorkflowJson.read("""
                {"id": 5, "version": "one", "colour": "blue", "initial": "NEW",
                 "states": [{"name": "NEW", "category": "FRESH"}, {"name": "CLOSED", "category": "CLOSED", "x": 1}],
                 "transitions": [
                   {"name": "start", "from": ["NEW", 3], "to": "CLOSED",
                    "guards": [{"type": "needsBoss"}, {"type": "fieldRequired"}, "resolutionRequired",
                               {"type": "requesterAssurance", "level": "MEDIUM"}],
                    "effects": [{"type": "explode"}, {"type": "assign", "target": "ACTOR", "agent": "maija"},
                                {"type": "assign", "target": "AGENT"},
                                {"type": "notify", "recipient": "TEAM", "template": "x", "cc": "boss"},
                                {"type": "setField", "field": "1bad", "value": "v"}]}
                 ]}"""));

        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_DEFINITION);
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "$.colour: unknown property; allowed here: [id, initial, states, transitions, version]",
                "$.id: expected text, found number",
                "$.version: expected a whole number, found string",
                "$.states[0].category: 'FRESH' is not one of [NEW, OPEN, WAITING, RESOLVED, CLOSED]",
                "$.states[1].x: unknown property; allowed here: [category, name]",
                "$.transitions[0].from[1]: expected a state name (text), found number",
                "$.transitions[0].guards[0].type: unknown guard type 'needsBoss'; known types: [resolutionRequired, "
                        + "fieldRequired, actorHasRole, requesterAssurance, assigneeRequired]",
                "$.transitions[0].guards[1].field: missing; it is required",
                "$.transitions[0].guards[2]: expected an object, found string",
                "$.transitions[0].guards[3].level: 'MEDIUM' is not one of [NONE, LOW, SUBSTANTIAL, HIGH]",
                "$.transitions[0].effects[0].type: unknown effect type 'explode'; known types: [setField, assign, "
                        + "addNote, notify]",
                "$.transitions[0].effects[1].agent: only allowed when target is AGENT",
                "$.transitions[0].effects[2].agent: missing; it is required",
                "$.transitions[0].effects[3].cc: unknown property; allowed here: [recipient, template, type]",
                "$.transitions[0].effects[4]: field name '1bad' is invalid: use 1-64 letters, digits, '_', '.' or "
                        + "'-', starting with a letter.");
        assertThat(e.getMessage()).contains("nothing was loaded");
    }

    @Test
    void missingArraysAndWrongRootsAreReported() {
        assertThat(problemsOf("[]")).containsExactly("$: expected an object with id, version, initial, states and "
                + "transitions");
        assertThat(problemsOf("{\"id\":\"x\",\"initial\":\"A\",\"states\":{}}")).containsExactly(
                "$.states: expected an array", "$.transitions: missing; expected an array");
        assertThat(problemsOf("{\"id\":\"x\",\"initial\":\"A\",\"version\":-1,\"states\":[],\"transitions\":[]}"))
                .containsExactly("$.version: must be 0 (draft) or a positive published version, was -1");
        assertThat(problemsOf("{\"id\":\"x\",\"initial\":\"A\",\"version\":1.5,\"states\":[],\"transitions\":[]}"))
                .containsExactly("$.version: expected a whole number, found number");
        assertThat(problemsOf("{\"states\":[],\"transitions\":[{\"from\":[]}]}")).containsExactly(
                "$.id: missing; it is required", "$.initial: missing; it is required",
                "$.transitions[0].name: missing; it is required", "$.transitions[0].to: missing; it is required");
    }

    @Test
    void readingDoesNotValidateTheGraphButPublishingDoes() {
        WorkflowDefinition d = WorkflowJson.read("""
                {"id":"x","initial":"A","states":[{"name":"A","category":"OPEN"}],"transitions":[]}""");
        assertThat(d.problems()).isNotEmpty();
    }

    @Test
    void nullArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> WorkflowJson.read(null)).isInstanceOf(TicketingException.class)
                .hasMessageContaining("json");
        assertThatThrownBy(() -> WorkflowJson.write(null)).isInstanceOf(TicketingException.class)
                .hasMessageContaining("definition");
    }

    private static List<String> problemsOf(String json) {
        return catchThrowableOfType(ConfigurationException.class, () -> WorkflowJson.read(json)).problems();
    }
}
