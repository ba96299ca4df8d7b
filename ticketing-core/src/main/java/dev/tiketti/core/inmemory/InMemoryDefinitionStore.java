package dev.tiketti.core.inmemory;

import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.core.spi.StoreProblems;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reference {@link DefinitionStore} in memory. Thread-safe by a single lock.
 *
 * @since 0.1
 */
public final class InMemoryDefinitionStore implements DefinitionStore {
    private final Map<String, TicketType> types = new LinkedHashMap<>();
    private final Map<String, List<WorkflowDefinition>> workflows = new HashMap<>();

    @Override
    public synchronized void saveType(TicketType type) {
        types.put(type.id(), type);
    }

    @Override
    public synchronized Optional<TicketType> findType(String id) {
        return Optional.ofNullable(types.get(id));
    }

    @Override
    public synchronized List<TicketType> types() {
        return List.copyOf(types.values());
    }

    @Override
    public synchronized void saveWorkflow(WorkflowDefinition definition) {
        List<WorkflowDefinition> versions = workflows.computeIfAbsent(definition.id(), k -> new ArrayList<>());
        if (definition.version() != versions.size() + 1) {
            throw StoreProblems.workflowVersionTaken(definition.id(), versions.size(), definition.version());
        }
        versions.add(definition);
    }

    @Override
    public synchronized Optional<WorkflowDefinition> findWorkflow(String id, int version) {
        List<WorkflowDefinition> versions = workflows.getOrDefault(id, List.of());
        return version >= 1 && version <= versions.size() ? Optional.of(versions.get(version - 1)) : Optional.empty();
    }

    @Override
    public synchronized Optional<WorkflowDefinition> latestWorkflow(String id) {
        List<WorkflowDefinition> versions = workflows.getOrDefault(id, List.of());
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }
}
