package dev.tiketti.core.workflow;

import dev.tiketti.core.ticket.TicketType;
import java.util.List;
import java.util.Optional;

/**
 * A team's definitions, from {@code Ticketing.definitions()}: workflows (versioned, published as
 * JSON or with the builder) and ticket types with their custom fields. Thread-safe.
 *
 * @since 0.1
 */
public interface Definitions {

    /**
     * Validates {@code draft} and stores it as the next version of its workflow (1 for a new id).
     * Tickets already open keep the version they started with until
     * {@code tickets().upgradeWorkflow(...)}. Types that use this workflow are re-checked against it.
     *
     * @return the published definition, with its version
     */
    WorkflowDefinition publishWorkflow(WorkflowDefinition draft);

    /** The latest published version of a workflow. */
    Optional<WorkflowDefinition> workflow(String id);

    /** One published version of a workflow. */
    Optional<WorkflowDefinition> workflow(String id, int version);

    /**
     * Creates or replaces a ticket type after checking that its workflow is published, its field
     * names are unique, each constraint suits its field's kind, and every field the workflow's
     * guards and effects name is declared (with effect values the field accepts).
     */
    TicketType defineType(TicketType type);

    Optional<TicketType> type(String id);

    List<TicketType> types();
}
