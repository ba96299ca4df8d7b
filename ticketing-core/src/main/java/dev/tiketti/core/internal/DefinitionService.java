package dev.tiketti.core.internal;

import dev.tiketti.core.common.FieldViolation;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.core.ticket.FieldConstraint;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.FieldKind;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.Definitions;
import dev.tiketti.core.workflow.Effect;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.core.workflow.TransitionDefinition;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Definitions} area: publishes workflow versions and ticket types after checking that
 * each type fits its workflow (the fields its guards and effects name), and looks them up for the
 * ticket flow. Not API.
 */
public final class DefinitionService implements Definitions {
    private static final Logger LOG = LoggerFactory.getLogger(DefinitionService.class);

    private final DefinitionStore definitions;
    private final TrackedTransactions transactions;
    private final StateCategories states;

    public DefinitionService(DefinitionStore definitions, TrackedTransactions transactions) {
        this.definitions = definitions;
        this.transactions = transactions;
        this.states = new StateCategories(definitions);
    }

    @Override
    public WorkflowDefinition publishWorkflow(WorkflowDefinition draft) {
        Require.nonNull(draft, "workflow definition");
        draft.validate();
        return transactions.inTransaction(() -> {
            List<String> problems = new ArrayList<>();
            for (TicketType type : definitions.types()) {
                if (type.workflowId().equals(draft.id())) {
                    problems.addAll(typeAgainstWorkflow(type, draft));
                }
            }
            if (!problems.isEmpty()) {
                throw DefinitionProblems.workflowDoesNotFitTypes(draft.id(), problems);
            }
            int next = definitions.latestWorkflow(draft.id()).map(WorkflowDefinition::version).orElse(0) + 1;
            WorkflowDefinition published = draft.withVersion(next);
            definitions.saveWorkflow(published);
            LOG.info("Published workflow '{}' version {}", published.id(), next);
            return published;
        });
    }

    @Override
    public Optional<WorkflowDefinition> workflow(String id) {
        return definitions.latestWorkflow(Require.notBlank(id, "workflow id"));
    }

    @Override
    public Optional<WorkflowDefinition> workflow(String id, int version) {
        return definitions.findWorkflow(Require.notBlank(id, "workflow id"), version);
    }

    @Override
    public TicketType defineType(TicketType type) {
        Require.nonNull(type, "ticket type");
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (FieldDefinition field : type.fields()) {
            if (!names.add(field.name())) {
                problems.add(DefinitionProblems.fieldTwice(field.name()));
            }
            for (FieldConstraint c : field.constraints()) {
                if (!c.appliesTo().contains(field.kind())) {
                    problems.add(DefinitionProblems.constraintOnWrongKind(field.name(), field.kind(),
                            c.getClass().getSimpleName(), c.appliesTo()));
                }
            }
            if (field.kind() == FieldKind.ENUM
                    && field.constraints().stream().noneMatch(FieldConstraint.AllowedValues.class::isInstance)) {
                problems.add(DefinitionProblems.enumWithoutValues(field.name()));
            }
        }
        Optional<WorkflowDefinition> workflow = definitions.latestWorkflow(type.workflowId());
        if (workflow.isEmpty()) {
            problems.add(DefinitionProblems.workflowNotPublished(type.workflowId()));
        } else {
            // Checked even when the fields have problems, so that one attempt shows everything to fix.
            problems.addAll(typeAgainstWorkflow(type, workflow.get()));
        }
        if (!problems.isEmpty()) {
            throw DefinitionProblems.invalidType(type.id(), problems);
        }
        transactions.inTransaction(() -> {
            definitions.saveType(type);
            return null;
        });
        return type;
    }

    private static List<String> typeAgainstWorkflow(TicketType type, WorkflowDefinition workflow) {
        List<String> problems = new ArrayList<>();
        for (TransitionDefinition t : workflow.transitions()) {
            for (Guard g : t.guards()) {
                if (g instanceof Guard.FieldRequired f && type.field(f.field()).isEmpty()) {
                    problems.add(DefinitionProblems.guardOnUndeclaredField(t.name(), f.field(), type.id()));
                }
            }
            for (Effect e : t.effects()) {
                if (e instanceof Effect.SetField s) {
                    Optional<FieldDefinition> field = type.field(s.field());
                    if (field.isEmpty()) {
                        problems.add(DefinitionProblems.effectOnUndeclaredField(t.name(), s.field(), type.id()));
                    } else {
                        List<FieldViolation> violations = new ArrayList<>();
                        FieldValidation.coerce(field.get(), s.value(), violations);
                        violations.forEach(v -> problems.add(
                                DefinitionProblems.effectValueViolates(t.name(), s.field(), v.message())));
                    }
                }
            }
        }
        return problems;
    }

    @Override
    public Optional<TicketType> type(String id) {
        return definitions.findType(Require.notBlank(id, "ticket type id"));
    }

    @Override
    public List<TicketType> types() {
        return definitions.types();
    }

    /** What the state names of the workflows in use mean. */
    public StateCategories states() {
        return states;
    }

    TicketType requireType(String typeId) {
        return definitions.findType(typeId).orElseThrow(() -> TicketProblems.typeNotFound(typeId,
                definitions.types().stream().map(TicketType::id).toList()));
    }

    WorkflowDefinition latestWorkflow(String workflowId) {
        return definitions.latestWorkflow(workflowId).orElseThrow(() -> TicketProblems.workflowNotFound(workflowId));
    }

    WorkflowDefinition workflowOf(Ticket ticket) {
        return states.workflowOf(ticket);
    }
}
