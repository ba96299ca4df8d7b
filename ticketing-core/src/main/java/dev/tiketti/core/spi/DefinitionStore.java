package dev.tiketti.core.spi;

import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.util.List;
import java.util.Optional;

/**
 * Persists ticket types and every published version of every workflow, so that definitions
 * changed at run time survive restarts and tickets pinned to an older version keep working.
 *
 * <p>Obligations (checked by {@code DefinitionStoreContract}): {@link #saveWorkflow} accepts only
 * version {@code latest + 1} (1 for a new id) and otherwise throws
 * {@link dev.tiketti.core.common.ConcurrentUpdateException}; published versions never change; thread-safe.
 *
 * @since 0.1
 */
public interface DefinitionStore {

    /** Creates or replaces a ticket type. */
    void saveType(TicketType type);

    Optional<TicketType> findType(String id);

    List<TicketType> types();

    void saveWorkflow(WorkflowDefinition definition);

    Optional<WorkflowDefinition> findWorkflow(String id, int version);

    Optional<WorkflowDefinition> latestWorkflow(String id);
}
