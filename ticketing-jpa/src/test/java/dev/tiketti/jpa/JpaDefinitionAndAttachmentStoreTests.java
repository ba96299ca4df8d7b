package dev.tiketti.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.spi.AttachmentStore;
import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.Effect;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Definition and attachment stores on a real database; subclasses choose H2 or PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaDefinitionAndAttachmentStoreTests {
    JpaStorage storage;
    DefinitionStore definitions;
    AttachmentStore attachments;

    abstract DataSource dataSource();

    @BeforeAll
    void start() {
        storage = JpaStorage.builder().dataSource(dataSource()).migrate(true).build();
        definitions = storage.definitionStore();
        attachments = storage.attachmentStore();
    }

    @AfterAll
    void stop() {
        storage.close();
    }

    static WorkflowDefinition workflow(String id, int version, String extraState) {
        return WorkflowDefinition.builder(id)
                .state("NEW", StateCategory.NEW).state("OPEN", StateCategory.OPEN)
                .state(extraState, StateCategory.WAITING).state("CLOSED", StateCategory.CLOSED)
                .transition("start").from("NEW").to("OPEN").requires(Guard.actorHasRole("hr"))
                .transition("wait").from("OPEN").to(extraState)
                .transition("resume").from(extraState).to("OPEN")
                .transition("close").from("OPEN").to("CLOSED").requires(Guard.resolutionRequired())
                .then(Effect.setField("outcome", "done"))
                .build().withVersion(version);
    }

    @Test
    void workflow_versions_are_stored_latest_plus_one_only_and_never_change() {
        definitions.saveWorkflow(workflow("hr-a", 1, "WAITING"));
        definitions.saveWorkflow(workflow("hr-a", 2, "ON_HOLD"));

        assertThatThrownBy(() -> definitions.saveWorkflow(workflow("hr-a", 2, "PAUSED")))
                .isInstanceOf(ConcurrentUpdateException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> definitions.saveWorkflow(workflow("hr-a", 4, "PAUSED")))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> definitions.saveWorkflow(workflow("hr-new", 2, "PAUSED")))
                .isInstanceOf(ConcurrentUpdateException.class);

        assertThat(definitions.findWorkflow("hr-a", 1)).contains(workflow("hr-a", 1, "WAITING"));
        assertThat(definitions.findWorkflow("hr-a", 2)).contains(workflow("hr-a", 2, "ON_HOLD"));
        assertThat(definitions.latestWorkflow("hr-a")).contains(workflow("hr-a", 2, "ON_HOLD"));
        assertThat(definitions.findWorkflow("hr-a", 3)).isEmpty();
        assertThat(definitions.latestWorkflow("nobody")).isEmpty();
    }

    @Test
    void ticket_types_are_created_replaced_and_listed_in_the_order_first_defined() {
        TicketType leave = new TicketType("leave-x", TeamId.of("hr"), "HR", "Annual leave", "hr-a",
                List.of(FieldDefinition.number("days").required().min(1).max(30),
                        FieldDefinition.text("employeeNumber").size(6, 6).pattern("[0-9]+"),
                        FieldDefinition.choice("site", "Helsinki", "Tampere"), FieldDefinition.date("from"),
                        FieldDefinition.bool("urgent"), FieldDefinition.contact("manager")));
        TicketType salary = new TicketType("salary-x", TeamId.of("hr"), "PAY", "Salary", "hr-a", List.of());
        definitions.saveType(leave);
        definitions.saveType(salary);
        TicketType renamed = new TicketType("leave-x", TeamId.of("hr"), "HR", "Vuosiloma", "hr-a", leave.fields());
        definitions.saveType(renamed);

        assertThat(definitions.findType("leave-x")).contains(renamed);
        assertThat(definitions.findType("nothing")).isEmpty();
        assertThat(definitions.types()).filteredOn(t -> t.id().endsWith("-x")).containsExactly(renamed, salary);
    }

    @Test
    void attachments_are_content_addressed_idempotent_and_deletable() throws Exception {
        byte[] content = "Palkkatodistus 2025".getBytes(StandardCharsets.UTF_8);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

        String digest = attachments.put(content);
        content[0] = 'X'; // the store kept its own copy
        assertThat(digest).isEqualTo(expected);
        assertThat(attachments.put("Palkkatodistus 2025".getBytes(StandardCharsets.UTF_8))).isEqualTo(digest);
        assertThat(attachments.get(digest)).hasValueSatisfying(
                b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("Palkkatodistus 2025"));
        assertThat(attachments.delete(digest)).isTrue();
        assertThat(attachments.delete(digest)).isFalse();
        assertThat(attachments.get(digest)).isEmpty();
        assertThat(attachments.put(new byte[0])).isEqualTo(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
