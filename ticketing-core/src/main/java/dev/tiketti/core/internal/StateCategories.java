package dev.tiketti.core.internal;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.StateDefinition;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What category a ticket's state has, and which state names carry given categories across the
 * workflows in use: the store knows state names, not workflows, so queries by category are
 * resolved here. Not API.
 */
public final class StateCategories {
    private final DefinitionStore definitions;

    public StateCategories(DefinitionStore definitions) {
        this.definitions = definitions;
    }

    /** The category of the ticket's current state in the workflow version it follows. */
    public StateCategory category(Ticket ticket) {
        WorkflowDefinition workflow = workflowOf(ticket);
        return workflow.state(ticket.state()).map(StateDefinition::category)
                .orElseThrow(() -> TicketProblems.ticketInUndeclaredState(ticket.key(), ticket.state(), workflow.id(),
                        workflow.version(), workflow.states().stream().map(StateDefinition::name).toList()));
    }

    /** Whether the ticket's state is CLOSED in its workflow version (false if that cannot be told). */
    public boolean closed(Ticket ticket) {
        return definitions.findWorkflow(ticket.workflowId(), ticket.workflowVersion())
                .flatMap(w -> w.state(ticket.state())).map(st -> st.category() == StateCategory.CLOSED).orElse(false);
    }

    WorkflowDefinition workflowOf(Ticket ticket) {
        return definitions.findWorkflow(ticket.workflowId(), ticket.workflowVersion())
                .orElseThrow(() -> TicketProblems.workflowVersionNotFound(ticket.workflowId(), ticket.workflowVersion(),
                        ticket.id()));
    }

    /**
     * The state names that carry one of {@code wanted} in the workflows of the defined types (every
     * published version), narrowed to {@code within} unless it is empty. Fails if a name carries
     * another category in some workflow, since a name cannot tell those tickets apart.
     */
    Set<String> namesIn(Set<StateCategory> categories, Set<String> within) {
        Set<StateCategory> wanted = Set.copyOf(categories);
        Require.argument(!wanted.isEmpty(), TicketProblems::noStateCategory);
        Map<String, StateCategory> categoryOf = new LinkedHashMap<>();
        Map<String, String> seenIn = new LinkedHashMap<>();
        Set<String> workflowIds = new TreeSet<>();
        definitions.types().stream().map(TicketType::workflowId).forEach(workflowIds::add);
        for (String workflowId : workflowIds) {
            int latest = definitions.latestWorkflow(workflowId).map(WorkflowDefinition::version).orElse(0);
            for (int version = 1; version <= latest; version++) {
                for (WorkflowDefinition workflow : definitions.findWorkflow(workflowId, version).stream().toList()) {
                    for (StateDefinition state : workflow.states()) {
                        StateCategory before = categoryOf.putIfAbsent(state.name(), state.category());
                        String where = "'" + workflowId + "' version " + version;
                        seenIn.putIfAbsent(state.name(), where);
                        if (before != null && before != state.category()
                                && (wanted.contains(before) || wanted.contains(state.category()))) {
                            throw TicketProblems.ambiguousStateCategory(state.name(), before,
                                    seenIn.get(state.name()), state.category(), where);
                        }
                    }
                }
            }
        }
        Set<String> names = new HashSet<>();
        categoryOf.forEach((name, category) -> {
            if (wanted.contains(category) && (within.isEmpty() || within.contains(name))) {
                names.add(name);
            }
        });
        return names;
    }
}
