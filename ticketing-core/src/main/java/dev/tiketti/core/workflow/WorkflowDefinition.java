package dev.tiketti.core.workflow;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.ticket.StateCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A team's handling process for one ticket type (R5): states with categories, named transitions
 * with guards and effects, and the state new tickets start in. Immutable data; build it with
 * {@link #builder(String)} or read it with {@link WorkflowJson}, and register it with
 * {@code Ticketing.publishWorkflow(...)}, which validates it and assigns the next version.
 *
 * <pre>{@code
 * WorkflowDefinition.builder("hr-default")
 *     .state("NEW", StateCategory.NEW).state("OPEN", StateCategory.OPEN)
 *     .state("CLOSED", StateCategory.CLOSED)
 *     .transition("start").from("NEW").to("OPEN").then(Effect.assignToActor())
 *     .transition("close").from("OPEN").to("CLOSED").requires(Guard.resolutionRequired())
 *     .build();
 * }</pre>
 *
 * @param version 0 for a draft not yet published; published versions count from 1
 * @since 0.1
 */
public record WorkflowDefinition(String id, int version, String initialState, List<StateDefinition> states,
                                 List<TransitionDefinition> transitions) {
    public WorkflowDefinition {
        Require.nonNull(id, "workflow id");
        Require.nonNull(initialState, "initial state");
        states = Require.listOf(states, "states");
        transitions = Require.listOf(transitions, "transitions");
        Require.argument(version >= 0, () -> WorkflowMessages.negativeVersion(id, version));
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public Optional<StateDefinition> state(String name) {
        return states.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<TransitionDefinition> transition(String name) {
        return transitions.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The transitions that may be attempted from {@code state}, in declaration order. */
    public List<TransitionDefinition> transitionsFrom(String state) {
        return transitions.stream().filter(t -> t.leaves(state)).toList();
    }

    public WorkflowDefinition withVersion(int newVersion) {
        return new WorkflowDefinition(id, newVersion, initialState, states, transitions);
    }

    /** Every structural problem of this definition; empty when it is valid. */
    public List<String> problems() {
        return WorkflowValidator.problems(this);
    }

    /**
     * Throws a {@link ConfigurationException} ({@link ErrorCode#INVALID_WORKFLOW}) listing every
     * problem, or returns this definition when it is valid.
     */
    public WorkflowDefinition validate() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw WorkflowMessages.invalid(id, problems);
        }
        return this;
    }

    /** Fluent builder; the first state declared is the initial one unless {@link #initial} says otherwise. */
    public static final class Builder {
        private final String id;
        private String initial;
        private final List<StateDefinition> states = new ArrayList<>();
        private final List<TransitionDefinition> transitions = new ArrayList<>();
        private TransitionBuilder open;

        private Builder(String id) {
            this.id = Require.nonNull(id, "workflow id");
        }

        public Builder state(String name, StateCategory category) {
            flush();
            states.add(new StateDefinition(name, category));
            return this;
        }

        public Builder initial(String name) {
            flush();
            this.initial = Require.nonNull(name, "initial state name");
            return this;
        }

        public TransitionBuilder transition(String name) {
            flush();
            open = new TransitionBuilder(this, name);
            return open;
        }

        /** Builds the definition as a draft (version 0). Validation happens at {@link WorkflowDefinition#validate()}. */
        public WorkflowDefinition build() {
            flush();
            String start = initial != null ? initial : states.isEmpty() ? "" : states.get(0).name();
            return new WorkflowDefinition(id, 0, start, states, transitions);
        }

        private void flush() {
            if (open != null) {
                transitions.add(open.definition());
                open = null;
            }
        }
    }

    /** Declares one transition; continue with another {@code transition}, {@code state} or {@code build}. */
    public static final class TransitionBuilder {
        private final Builder parent;
        private final String name;
        private final List<String> from = new ArrayList<>();
        private String to = "";
        private final List<Guard> guards = new ArrayList<>();
        private final List<Effect> effects = new ArrayList<>();

        private TransitionBuilder(Builder parent, String name) {
            this.parent = parent;
            this.name = Require.nonNull(name, "transition name");
        }

        public TransitionBuilder from(String... states) {
            from.addAll(Require.listOf(java.util.Arrays.asList(Require.nonNull(states, "from-states")), "from-states"));
            return this;
        }

        public TransitionBuilder to(String state) {
            this.to = Require.nonNull(state, "to-state");
            return this;
        }

        public TransitionBuilder requires(Guard... guard) {
            guards.addAll(Require.listOf(java.util.Arrays.asList(Require.nonNull(guard, "guards")), "guards"));
            return this;
        }

        public TransitionBuilder then(Effect... effect) {
            effects.addAll(Require.listOf(java.util.Arrays.asList(Require.nonNull(effect, "effects")), "effects"));
            return this;
        }

        public TransitionBuilder transition(String next) {
            return parent.transition(next);
        }

        public Builder state(String state, StateCategory category) {
            return parent.state(state, category);
        }

        public WorkflowDefinition build() {
            return parent.build();
        }

        private TransitionDefinition definition() {
            return new TransitionDefinition(name, from, to, guards, effects);
        }
    }
}
